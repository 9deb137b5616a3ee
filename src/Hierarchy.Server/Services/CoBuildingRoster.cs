using Grpc.Core;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Grains.People;
using Hierarchy.Server.Security;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Services;

/// <summary>双报到 for <c>DirectoryService</c>: registering co-building units with a community and listing them.</summary>
public sealed class CoBuildingRoster(HierarchyState state, ICoBuildingStore roster, IGrainFactory grains)
{
    /// <summary>Answers RegisterCoBuildingUnit: an admin of the community's subtree records an organisation or an in-service member.</summary>
    public async Task<V1.CoBuildingUnit> RegisterAsync(V1.RegisterCoBuildingUnitRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var tree = state.Tree;
        var community = Community(tree, request.CommunityId, request.CommunityCode);
        AccessPolicy.CheckAdminOf(caller, tree, "registering a co-building unit", tree.UnitAt(community).Id);
        var stored = await grains.GetGrain<ICommunityRosterGrain>(tree.UnitAt(community).Id).RegisterAsync(new CoBuildingRegistration(
            0, (Domain.People.CoBuildingKind)request.Kind, request.Name, request.Contact, request.Phone, caller.ToString()));
        return Message(tree, community, new Domain.People.CoBuildingUnit(
            stored.Id, tree.UnitAt(community).Id, stored.Kind, stored.Name, stored.Contact, stored.Phone, stored.RegisteredAt, stored.RegisteredBy));
    }

    /// <summary>Answers ListCoBuildingUnits for those who oversee the community.</summary>
    public async Task<V1.ListCoBuildingUnitsResponse> ListAsync(V1.ListCoBuildingUnitsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var tree = state.Tree;
        var community = Community(tree, request.CommunityId, request.CommunityCode);
        if (!AccessPolicy.Oversees(caller, tree, tree.UnitAt(community).Id))
        {
            throw new PermissionDeniedException($"{caller} may not read the co-building units of community {tree.UnitAt(community).Code}");
        }

        var response = new V1.ListCoBuildingUnitsResponse();
        response.Units.AddRange((await roster.ListAsync(tree.UnitAt(community).Id, context.CancellationToken)).Select(u => Message(tree, community, u)));
        return response;
    }

    private static int Community(OrgTreeSnapshot tree, long id, string code)
    {
        var index = tree.Find(id, code, "community_id", "community_code");
        return tree.LevelOf(index) == OrgLevel.Community
            ? index
            : throw new InvalidFieldException(id != 0 ? "community_id" : "community_code",
                $"{tree.UnitAt(index).Code} {tree.UnitAt(index).Name} is a {tree.LevelOf(index)}, not a community");
    }

    private static V1.CoBuildingUnit Message(OrgTreeSnapshot tree, int community, Domain.People.CoBuildingUnit unit) => new()
    {
        Id = unit.Id,
        Community = SnapshotMessages.For(tree).Unit(community),
        Kind = (V1.CoBuildingKind)unit.Kind,
        Name = unit.Name,
        Contact = unit.Contact,
        Phone = unit.Phone,
        RegisteredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(unit.RegisteredAt),
        RegisteredBy = unit.RegisteredBy,
    };
}
