using Hierarchy.Domain.ReadModel;
using Hierarchy.Storage;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Startup;

/// <summary>Fills the read model from the stores.</summary>
public static class ReadModelLoader
{
    /// <summary>Loads the tree, every household's placement and every member.</summary>
    public static async Task<HierarchyState> LoadAsync(StoreSet stores, CancellationToken cancellationToken)
    {
        var tree = await stores.Tree.LoadAsync(cancellationToken);
        var state = new HierarchyState(tree.Snapshot());
        await AddHouseholdsAsync(state, stores.Households, 0, cancellationToken);
        await AddMembersAsync(state, stores.Members, 0, cancellationToken);
        return state;
    }

    /// <summary>Places every household from <paramref name="fromId"/> on in its building group.</summary>
    public static async Task AddHouseholdsAsync(HierarchyState state, IHouseholdStore households, long fromId, CancellationToken cancellationToken)
    {
        await foreach (var placement in households.ReadPlacementsAsync(fromId, cancellationToken))
        {
            state.Households.SetBuildingGroup(placement.HouseholdId, placement.BuildingGroupId);
        }
    }

    /// <summary>Adds every member from <paramref name="fromId"/> on, and links its households to it: the one source of links.</summary>
    public static async Task AddMembersAsync(HierarchyState state, IPartyMemberStore members, long fromId, CancellationToken cancellationToken)
    {
        await foreach (var member in members.ReadAllAsync(fromId, cancellationToken))
        {
            state.Members.Set(new MemberEntry(member.Member, member.Households));
            foreach (var household in member.Households)
            {
                state.Households.SetMember(household, member.Member.Id);
            }
        }
    }
}
