using Grpc.Core;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Server.Reorganization;
using Hierarchy.Server.Replication;
using Hierarchy.Storage.Stores;
using Hierarchy.V1;

namespace Hierarchy.Server.Services;

/// <summary><c>hierarchy.v1.DirectoryService</c>: reads the org tree from memory.</summary>
public sealed class DirectoryService(
    HierarchyState state, HistoricalTrees history, RetiredUnits retired, IOrgTreeStore trees, ChangeFeedFollower follower, CoBuildingRoster roster)
    : V1.DirectoryService.DirectoryServiceBase
{
    private const int MaxPage = 1000;

    /// <inheritdoc/>
    public override async Task<GetUnitResponse> GetUnit(GetUnitRequest request, ServerCallContext context)
    {
        await follower.RequireAsync(request.MinConsistencyToken, context.CancellationToken);
        var tree = state.Tree;
        int index;
        try
        {
            index = tree.Find(request.UnitId, request.UnitCode);
        }
        catch (NotFoundException)
        {
            // A retired unit stays readable, so old issues and statistics can still name it.
            var retired = await trees.FindRetiredAsync(request.UnitId, request.UnitCode, context.CancellationToken);
            return retired is null ? throw new NotFoundException(request.UnitId != 0 ? $"unit {request.UnitId}" : $"unit with code {request.UnitCode}")
                : new GetUnitResponse { Unit = ProtoMapping.Unit(retired, 0), TreeVersion = tree.Version };
        }

        var messages = SnapshotMessages.For(tree);
        var response = new GetUnitResponse { Unit = messages.Unit(index), TreeVersion = tree.Version };
        response.Positions.AddRange(messages.Positions(index));
        return response;
    }


    /// <inheritdoc/>
    public override async Task<ListChildrenResponse> ListChildren(ListChildrenRequest request, ServerCallContext context)
    {
        await follower.RequireAsync(request.MinConsistencyToken, context.CancellationToken);
        var tree = state.Tree;
        var index = tree.Find(request.UnitId, request.UnitCode);
        var size = Paging.Size(request.PageSize, 100, MaxPage);
        var offset = Paging.Position(request.PageToken, maximum: tree.ChildCountOf(index));
        var messages = SnapshotMessages.For(tree);
        var response = new ListChildrenResponse { TreeVersion = tree.Version };
        response.Children.AddRange(tree.ChildrenOf(index).Skip((int)offset).Take(size).Select(messages.Unit));
        if (offset + size < tree.ChildCountOf(index))
        {
            response.NextPageToken = Paging.Token(offset + size);
        }

        return response;
    }

    /// <inheritdoc/>
    public override async Task<GetAncestorsResponse> GetAncestors(GetAncestorsRequest request, ServerCallContext context)
    {
        await follower.RequireAsync(request.MinConsistencyToken, context.CancellationToken);
        var asked = request.AsOf is null ? state.Tree : await history.AtAsync(request.AsOf.ToDateTimeOffset(), context.CancellationToken);
        // A retired unit answers with the ancestors it had in the last tree that held it.
        var (tree, index, _) = await retired.FindAsync(asked, request.UnitId, request.UnitCode, context.CancellationToken);
        var messages = SnapshotMessages.For(tree);
        var response = new GetAncestorsResponse { TreeVersion = tree.Version };
        response.Ancestors.AddRange(tree.AncestorsOf(index).Reverse().Select(messages.Unit));
        return response;
    }

    /// <inheritdoc/>
    public override async Task<SearchUnitsResponse> SearchUnits(SearchUnitsRequest request, ServerCallContext context)
    {
        await follower.RequireAsync(request.MinConsistencyToken, context.CancellationToken);
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            throw new InvalidFieldException("query", "is required: a part of the unit's name");
        }

        if (!Enum.IsDefined(request.Level))
        {
            throw new InvalidFieldException("level", $"{(int)request.Level} is not an org level");
        }

        var tree = state.Tree;
        var root = tree.Find(request.RootUnitId, request.RootUnitCode, "root_unit_id", "root_unit_code");
        var size = Paging.Size(request.PageSize, 100, MaxPage);
        var (start, end) = tree.SubtreeOf(root);
        var from = start + Paging.Position(request.PageToken, maximum: end - start);
        var messages = SnapshotMessages.For(tree);
        var response = new SearchUnitsResponse { TreeVersion = tree.Version };
        for (var i = (int)from; i < end; i++)
        {
            var unit = tree.UnitAt(i);
            if ((request.Level == OrgLevel.Unspecified || (int)unit.Level == (int)request.Level)
                && unit.Name.Contains(request.Query, StringComparison.Ordinal))
            {
                if (response.Units.Count == size)
                {
                    response.NextPageToken = Paging.Token(i - start);
                    break;
                }

                response.Units.Add(messages.Unit(i));
            }
        }

        return response;
    }

    /// <inheritdoc/>
    public override Task<V1.CoBuildingUnit> RegisterCoBuildingUnit(RegisterCoBuildingUnitRequest request, ServerCallContext context) =>
        roster.RegisterAsync(request, context);

    /// <inheritdoc/>
    public override Task<ListCoBuildingUnitsResponse> ListCoBuildingUnits(ListCoBuildingUnitsRequest request, ServerCallContext context) =>
        roster.ListAsync(request, context);

    /// <inheritdoc/>
    public override Task<ServiceCard> GetServiceCard(GetServiceCardRequest request, ServerCallContext context)
    {
        var tree = state.Tree;
        int index;
        if (request.HouseholdId != 0)
        {
            if (request.BuildingGroupId != 0 || request.BuildingGroupCode.Length > 0)
            {
                throw new InvalidFieldException("household_id", "set a household or a building group, not both");
            }

            var group = request.HouseholdId > 0 ? state.Households.BuildingGroupOf(request.HouseholdId) : throw new InvalidFieldException("household_id", $"{request.HouseholdId} is not a household id");
            index = tree.TryIndexOf(group, out var found) ? found : throw new NotFoundException($"building group {group}");
        }
        else
        {
            index = tree.Find(request.BuildingGroupId, request.BuildingGroupCode, "building_group_id", "building_group_code");
            if (tree.LevelOf(index) != Domain.Organization.OrgLevel.BuildingGroup)
            {
                throw new InvalidFieldException("building_group_id", $"{tree.UnitAt(index).Code} is a {tree.LevelOf(index)}, not a building group");
            }
        }

        var card = Domain.People.ServiceCard.Of(tree, index);
        var answer = new ServiceCard
        {
            BuildingGroup = ProtoMapping.Unit(tree.UnitAt(index), tree.ChildCountOf(index)),
            QrPayload = Domain.People.ServiceCard.QrPayload(tree.UnitAt(index)),
            Html = Domain.People.ServiceCardPage.Render(tree, card),
        };
        answer.Contacts.AddRange(card.Contacts.Select(c => new CardContact
        {
            Role = c.Role,
            Holder = new Person { Name = c.Position.HolderName, Phone = c.Position.HolderPhone },
            Unit = ProtoMapping.Unit(tree.UnitAt(c.UnitIndex), tree.ChildCountOf(c.UnitIndex)),
        }));
        answer.Organizations.AddRange(card.Organizations.Select(o => ProtoMapping.Organization(tree, o)));
        answer.Hotlines.AddRange(Domain.People.ServiceCard.Hotlines.Select(h => new Hotline { Name = h.Name, Number = h.Number }));
        return Task.FromResult(answer);
    }
}
