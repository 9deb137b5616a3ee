using Grpc.Core;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Server.Reorganization;
using Hierarchy.Server.Security;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Services;

/// <summary><c>hierarchy.v1.StatsService</c>: 解决率, 满意率, 响应率 and the rankings (倒排) of a unit's children.</summary>
public sealed class StatsService(
    HierarchyState state, IIssueStatistics statistics, IKeyUnitStore keyUnits, RetiredUnits retired, [FromKeyedServices(ServerSettings.ClockKey)] TimeProvider clock,
    Domain.People.LinkPolicies policies)
    : V1.StatsService.StatsServiceBase
{
    /// <inheritdoc/>
    public override async Task<V1.UnitStats> GetUnitStats(V1.GetUnitStatsRequest request, ServerCallContext context)
    {
        var (tree, index, unit) = await retired.FindAsync(state.Tree, request.UnitId, request.UnitCode, context.CancellationToken);
        var (from, to) = Period(request.From, request.To);
        var tallies = await statistics.TallyAsync(unit.Level, unit.Id, unit.Level, from, to, context.CancellationToken);
        var figures = Figures(tree, index, tallies.SingleOrDefault() ?? IssueTally.Empty(unit.Id));
        if (unit.Retired)
        {
            figures.Unit = ProtoMapping.Unit(unit, 0);
        }

        return figures;
    }

    /// <inheritdoc/>
    public override async Task<V1.RankChildrenResponse> RankChildren(V1.RankChildrenRequest request, ServerCallContext context)
    {
        var tree = state.Tree;
        var index = tree.Find(request.UnitId, request.UnitCode);
        var unit = tree.UnitAt(index);
        if (unit.Level == OrgLevel.BuildingGroup)
        {
            throw new InvalidFieldException("unit_id", $"building group {unit.Code} has no children to rank");
        }

        var (from, to) = Period(request.From, request.To);
        var tallies = (await statistics.TallyAsync(unit.Level, unit.Id, unit.Level + 1, from, to, context.CancellationToken))
            .ToDictionary(t => t.UnitId);
        var children = tree.ChildrenOf(index)
            .Select(child => Figures(tree, child, tallies.GetValueOrDefault(tree.UnitAt(child).Id) ?? IssueTally.Empty(tree.UnitAt(child).Id)));
        var response = new V1.RankChildrenResponse();
        response.Children.AddRange(Ranked(children, c => c, request.By).ThenBy(c => c.Unit.Code, StringComparer.Ordinal));
        return response;
    }

    /// <inheritdoc/>
    public override async Task<V1.RankZonesResponse> RankZones(V1.RankChildrenRequest request, ServerCallContext context)
    {
        var tree = state.Tree;
        var root = tree.Find(request.UnitId, request.UnitCode);
        var unit = tree.UnitAt(root);
        if (unit.Level > OrgLevel.Street)
        {
            throw new InvalidFieldException("unit_id", $"{unit.Level} {unit.Code} holds no zones: rank the zones of a street or district");
        }

        var (from, to) = Period(request.From, request.To);
        var tallies = (await statistics.TallyAsync(unit.Level, unit.Id, OrgLevel.Community, from, to, context.CancellationToken)).ToDictionary(t => t.UnitId);
        var zones = tree.Organizations
            .Where(o => o.IsZone)
            .Select(zone => (Zone: zone, Communities: zone.UnitIds.Select(id => tree.TryIndexOf(id, out var i) ? i : -1).Where(i => i >= 0).ToList()))
            .Where(z => z.Communities.Any(c => tree.IsInSubtree(c, root)))
            .Select(z => new V1.ZoneStats
            {
                Zone = ProtoMapping.Organization(tree, z.Zone),
                Figures = Stats(
                    IssueTally.Sum(z.Zone.Id, [.. z.Communities.Select(c => tallies.GetValueOrDefault(tree.UnitAt(c).Id) ?? IssueTally.Empty(tree.UnitAt(c).Id))]),
                    z.Communities.Sum(c => state.HouseholdsUnder(tree, c))),
            });
        var response = new V1.RankZonesResponse();
        response.Zones.AddRange(Ranked(zones, z => z.Figures, request.By).ThenBy(z => z.Zone.Id));
        return response;
    }

    private static IOrderedEnumerable<T> Ranked<T>(IEnumerable<T> items, Func<T, V1.UnitStats> figures, V1.RankBy by) => by switch
    {
        V1.RankBy.Unspecified or V1.RankBy.ComplaintVolume => items.OrderByDescending(i => figures(i).Received),
        // A unit with nothing to rate is not among the worst: it goes last.
        V1.RankBy.ResolutionRate => items.OrderBy(i => figures(i).Received == 0).ThenBy(i => figures(i).ResolutionRate).ThenByDescending(i => figures(i).Received),
        V1.RankBy.SatisfactionRate => items.OrderBy(i => figures(i).Rated == 0).ThenBy(i => figures(i).SatisfactionRate).ThenByDescending(i => figures(i).Rated),
        V1.RankBy.ComplaintsPerThousandHouseholds => items.OrderByDescending(i => figures(i).ComplaintsPerThousandHouseholds),
        _ => throw new InvalidFieldException("by", $"{(int)by} is not a ranking"),
    };

    /// <inheritdoc/>
    public override async Task<V1.KeyUnit> AddKeyUnit(V1.AddKeyUnitRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var tree = state.Tree;
        var unit = tree.UnitAt(tree.Find(request.UnitId, request.UnitCode));
        AccessPolicy.CheckAdminOf(caller, tree, "AddKeyUnit", unit.Id);
        if (request.ObservationDays is < 1 or > 3660)
        {
            // Checked before it becomes a TimeSpan, which overflows past about 10 million days.
            throw new InvalidFieldException("observation_days", $"{request.ObservationDays} days is not a period of 1 day to 10 years");
        }

        var observation = new KeyUnitObservation(clock.GetUtcNow(), TimeSpan.FromDays(request.ObservationDays), request.RelapseThreshold);
        observation.Validate();
        var given = request.Partners ?? new V1.KeyUnitPartners();
        var partners = new KeyUnitPartners(given.LeaderName.Trim(), given.LeaderPhone.Trim(), given.SecretaryName.Trim(), given.SecretaryPhone.Trim(),
            given.DepartmentCode.Trim()).Validated();
        if (partners.DepartmentCode.Length > 0)
        {
            tree.Matrix.KnownDepartment("partners.department_code", partners.DepartmentCode);
        }

        await keyUnits.AddAsync(unit.Id, unit.Level, observation, partners, caller.ToString(), context.CancellationToken);
        return KeyUnit(tree, new KeyUnitEntry(unit.Id, unit.Level, observation, partners), observation.Evaluate([], clock.GetUtcNow()));
    }

    /// <inheritdoc/>
    public override async Task<V1.ListKeyUnitsResponse> ListKeyUnits(V1.ListKeyUnitsRequest request, ServerCallContext context)
    {
        var tree = state.Tree;
        var root = tree.Find(request.UnitId, request.UnitCode);
        var now = clock.GetUtcNow();
        var response = new V1.ListKeyUnitsResponse();
        foreach (var entry in await keyUnits.ListAsync(context.CancellationToken))
        {
            var (unitId, level, observation, _) = entry;
            if (!tree.TryIndexOf(unitId, out var index) || !tree.IsInSubtree(index, root))
            {
                continue;
            }

            var complaints = await keyUnits.ComplaintTimesAsync(level, unitId, observation.AddedAt, context.CancellationToken);
            var standing = observation.Evaluate(complaints, now);
            if (request.IncludeCleared || !standing.Cleared)
            {
                response.Units.Add(KeyUnit(tree, entry, standing));
            }
        }

        return response;
    }

    private static V1.KeyUnit KeyUnit(OrgTreeSnapshot tree, KeyUnitEntry entry, KeyUnitStanding standing) => new()
    {
        Unit = tree.TryIndexOf(entry.UnitId, out var index) ? SnapshotMessages.For(tree).Unit(index) : null,
        AddedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(entry.Observation.AddedAt),
        ObservationDays = (int)entry.Observation.Period.TotalDays,
        RelapseThreshold = entry.Observation.Threshold,
        WindowStart = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(standing.WindowStart),
        EndsAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(standing.EndsAt),
        ComplaintsInWindow = standing.Complaints,
        Relapses = standing.Relapses,
        Cleared = standing.Cleared,
        Partners = new V1.KeyUnitPartners
        {
            LeaderName = entry.Partners.LeaderName,
            LeaderPhone = entry.Partners.LeaderPhone,
            SecretaryName = entry.Partners.SecretaryName,
            SecretaryPhone = entry.Partners.SecretaryPhone,
            DepartmentCode = entry.Partners.DepartmentCode,
            DepartmentName = entry.Partners.DepartmentCode.Length > 0 && tree.Matrix.Departments.FirstOrDefault(d => d.Code == entry.Partners.DepartmentCode) is { } d
                ? d.Name
                : string.Empty,
        },
    };

    private V1.UnitStats Figures(OrgTreeSnapshot tree, int index, IssueTally tally)
    {
        var stats = Stats(tally, state.HouseholdsUnder(tree, index));
        stats.Unit = SnapshotMessages.For(tree).Unit(index);
        return stats;
    }

    private static V1.UnitStats Stats(IssueTally tally, long households)
    {
        var figures = new UnitFigures(tally, households);
        var stats = new V1.UnitStats
        {
            Received = tally.Received,
            Resolved = tally.Resolved,
            ResolutionRate = figures.ResolutionRate,
            Rated = tally.Rated,
            SatisfactionRate = figures.SatisfactionRate,
            Responded = tally.Responded,
            ResponseRate = figures.ResponseRate,
            MedianSecondsToResolve = (long)figures.MedianTimeToResolve.TotalSeconds,
            Households = households,
            ComplaintsPerThousandHouseholds = figures.ComplaintsPerThousandHouseholds,
        };
        foreach (var (level, count) in tally.EscalationsByLevel)
        {
            stats.EscalationsByLevel[level] = count;
        }
        return stats;
    }

    private static (DateTimeOffset From, DateTimeOffset To) Period(Google.Protobuf.WellKnownTypes.Timestamp? from, Google.Protobuf.WellKnownTypes.Timestamp? to)
    {
        if (from is null)
        {
            throw new InvalidFieldException("from", "is required: the start of the period");
        }

        if (to is null)
        {
            throw new InvalidFieldException("to", "is required: the end of the period (exclusive)");
        }

        var (start, end) = (from.ToDateTimeOffset(), to.ToDateTimeOffset());
        return end > start ? (start, end) : throw new InvalidFieldException("to", $"{end:u} is not after from {start:u}");
    }

    /// <inheritdoc/>
    public override Task<V1.LinkCoverage> GetLinkCoverage(V1.GetLinkCoverageRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var tree = state.Tree;
        var root = tree.Find(request.UnitId, request.UnitCode);
        if (!AccessPolicy.Oversees(caller, tree, tree.UnitAt(root).Id))
        {
            throw new PermissionDeniedException($"{caller} may not read the link coverage of {tree.UnitAt(root).Level} {tree.UnitAt(root).Code}");
        }

        var (min, max) = request is { GridMinHouseholds: 0, GridMaxHouseholds: 0 } ? (100, 500) : (request.GridMinHouseholds, request.GridMaxHouseholds);
        var (children, total) = Domain.People.LinkCoverage.Compute(state, policies, root, min, max);
        V1.LinkCoverageRow Row(CoverageFigures f)
        {
            tree.TryIndexOf(f.UnitId, out var index);
            return new V1.LinkCoverageRow
            {
                Unit = ProtoMapping.Unit(tree.UnitAt(index), tree.ChildCountOf(index)),
                Households = f.Households,
                Linked = f.Linked,
                Unlinked = f.Households - f.Linked,
                Coverage = f.Rate,
                Members = f.Members,
                MembersBelow = f.MembersBelow,
                MembersAbove = f.MembersAbove,
                Grids = f.Grids,
                GridsBelow = f.GridsBelow,
                GridsAbove = f.GridsAbove,
            };
        }

        var answer = new V1.LinkCoverage
        {
            Total = Row(total),
            GridMinHouseholds = min,
            GridMaxHouseholds = max,
            Csv = LinkCoverageCsv.Format(children.Append(total).ToArray(), id => tree.TryIndexOf(id, out var i) ? tree.UnitAt(i).Code : string.Empty),
        };
        answer.Children.AddRange(children.Select(Row));
        return Task.FromResult(answer);
    }
}
