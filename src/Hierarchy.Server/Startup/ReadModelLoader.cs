using Hierarchy.Domain.ReadModel;
using Hierarchy.Storage;

namespace Hierarchy.Server.Startup;

/// <summary>Builds the in-memory read model from the stores.</summary>
public static class ReadModelLoader
{
    /// <summary>Loads the tree, every household's placement and every member.</summary>
    public static async Task<HierarchyState> LoadAsync(StoreSet stores, CancellationToken cancellationToken)
    {
        var tree = await stores.Tree.LoadAsync(cancellationToken);
        var state = new HierarchyState(OrgTreeSnapshot.Build(tree.Version, tree.Units, tree.Positions, tree.Matrix));
        await foreach (var placement in stores.Households.ReadPlacementsAsync(cancellationToken))
        {
            state.Households.SetBuildingGroup(placement.HouseholdId, placement.BuildingGroupId);
            if (placement.MemberId != 0)
            {
                state.Households.SetMember(placement.HouseholdId, placement.MemberId);
            }
        }

        await foreach (var member in stores.Members.ReadAllAsync(cancellationToken))
        {
            state.Members.Set(new MemberEntry(member.Member, member.Households));
        }

        return state;
    }
}
