using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Reorganization;
using Hierarchy.Server.Reorganization;
using Hierarchy.Server.Responsibility;
using Hierarchy.Server.Security;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Services;

/// <summary><c>hierarchy.v1.AdminService</c>: plan, apply and list reorganisations.</summary>
public sealed class AdminService(HierarchyState state, ReorganizationWorkflow workflow, ResponsibilityListWorkflow lists, IIssueStore issues)
    : V1.AdminService.AdminServiceBase
{
    /// <inheritdoc/>
    public override async Task<V1.ReorganizationProposal> ProposeReorganization(V1.ProposeReorganizationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var tree = state.Tree;
        var root = tree.Find(request.UnitId, request.UnitCode);
        AccessPolicy.CheckAdminOf(caller, tree, "proposing a reorganisation", tree.UnitAt(root).Id);
        var households = state.Households;
        if (request.HouseholdsPerOpenIssue is < 0 or > 1_000)
        {
            throw new InvalidFieldException("households_per_open_issue", $"{request.HouseholdsPerOpenIssue} is not 0 to 1000");
        }

        var target = TargetGrids(request, () => state.HouseholdsUnder(tree, root));
        var open = request.HouseholdsPerOpenIssue == 0
            ? new Dictionary<long, int>()
            : await issues.OpenCountsByBuildingGroupAsync(tree.LevelOf(root), tree.UnitAt(root).Id, context.CancellationToken);
        var proposal = GridProposer.Propose(tree, root, target,
            group => households.CountIn(group) + ((long)request.HouseholdsPerOpenIssue * open.GetValueOrDefault(group)));
        if (proposal.Changes.Count == 0)
        {
            throw new RuleViolationException(
                $"{tree.UnitAt(root).Code} {tree.UnitAt(root).Name} already has {target} grids cut as the proposer would cut them: there is nothing to plan");
        }

        var planned = new V1.PlanReorganizationRequest();
        planned.Changes.AddRange(proposal.Changes.Select(Change));
        var (id, effect, rerouted) = await workflow.PlanAsync(caller, planned, context.CancellationToken);
        var answer = new V1.ReorganizationProposal
        {
            Plan = Plan(tree, id, effect, rerouted),
            LargestHouseholds = proposal.Largest,
            SmallestHouseholds = proposal.Smallest,
            MeanHouseholds = proposal.Mean,
            LargestOverMean = proposal.LargestOverMean,
        };
        answer.Changes.AddRange(planned.Changes);
        return answer;
    }

    /// <inheritdoc/>
    public override async Task<V1.ResponsibilityListPlan> PlanResponsibilityList(V1.PlanResponsibilityListRequest request, ServerCallContext context)
    {
        var (id, baseVersion, differences, summary) =
            await lists.PlanAsync(context.Caller(), request.DepartmentsCsv, request.CategoriesCsv, context.CancellationToken);
        var plan = new V1.ResponsibilityListPlan { PlanId = id, BaseListVersion = baseVersion, Summary = summary };
        plan.Differences.AddRange(differences.Select(d =>
        {
            var difference = new V1.ListDifference { Subject = d.Subject, Code = d.Code, Kind = d.Kind.ToString().ToLowerInvariant() };
            difference.Changes.AddRange(d.Changes);
            return difference;
        }));
        return plan;
    }

    /// <inheritdoc/>
    public override async Task<V1.ApplyResponsibilityListResponse> ApplyResponsibilityList(V1.ApplyResponsibilityListRequest request, ServerCallContext context)
    {
        var (applied, token) = await lists.ApplyAsync(context.Caller(), request.PlanId, context.CancellationToken);
        return new V1.ApplyResponsibilityListResponse
        {
            ListVersion = applied.Version,
            EffectiveAt = Timestamp.FromDateTimeOffset(applied.EffectiveAt),
            AppliedNow = applied.AppliedNow,
            ConsistencyToken = token,
        };
    }

    /// <inheritdoc/>
    public override async Task<V1.ListResponsibilityListVersionsResponse> ListResponsibilityListVersions(
        V1.ListResponsibilityListVersionsRequest request, ServerCallContext context)
    {
        var versions = await lists.VersionsAsync(Paging.Size(request.PageSize, 20, 100), context.CancellationToken);
        var response = new V1.ListResponsibilityListVersionsResponse();
        response.Versions.AddRange(versions.Select(v => new V1.ResponsibilityListVersion
        {
            ListVersion = v.Version,
            EffectiveAt = Timestamp.FromDateTimeOffset(v.ChangedAt),
            ChangedBy = v.ChangedBy,
            PlanId = v.PlanId ?? 0,
            Summary = v.Summary,
        }));
        return response;
    }

    /// <inheritdoc/>
    public override async Task<V1.ReorganizationPlan> PlanReorganization(V1.PlanReorganizationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var tree = state.Tree;
        var (id, effect, rerouted) = await workflow.PlanAsync(caller, request, context.CancellationToken);
        return Plan(tree, id, effect, rerouted);
    }

    /// <inheritdoc/>
    public override async Task<V1.ApplyReorganizationResponse> ApplyReorganization(V1.ApplyReorganizationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var (version, at, now, token) = await workflow.ApplyAsync(caller, request.PlanId, request.ExpectedTreeVersion, context.CancellationToken);
        return new V1.ApplyReorganizationResponse
        {
            TreeVersion = version,
            EffectiveAt = Timestamp.FromDateTimeOffset(at),
            AppliedNow = now,
            ConsistencyToken = token,
        };
    }

    /// <inheritdoc/>
    public override async Task<V1.ListReorganizationsResponse> ListReorganizations(V1.ListReorganizationsRequest request, ServerCallContext context)
    {
        var plans = await workflow.ListAsync(Paging.Size(request.PageSize, 20, 100), context.CancellationToken);
        var response = new V1.ListReorganizationsResponse();
        response.Reorganizations.AddRange(plans.Select(p => new V1.Reorganization
        {
            PlanId = p.Id,
            TreeVersion = p.AppliedVersion ?? 0,
            EffectiveAt = p.AppliedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            AppliedBy = p.AppliedBy ?? string.Empty,
            PlannedBy = p.CreatedBy,
            Summary = p.Summary,
        }));
        return response;
    }

    private static int TargetGrids(V1.ProposeReorganizationRequest request, Func<long> households)
    {
        if ((request.TargetGrids != 0) == (request.HouseholdsPerGrid != 0))
        {
            throw new InvalidFieldException("target_grids", "set target_grids or households_per_grid; exactly one");
        }

        if (request.TargetGrids != 0)
        {
            return request.TargetGrids;
        }

        if (request.HouseholdsPerGrid < 0)
        {
            throw new InvalidFieldException("households_per_grid", $"{request.HouseholdsPerGrid} is negative");
        }

        return (int)Math.Min(int.MaxValue, (households() + request.HouseholdsPerGrid - 1) / request.HouseholdsPerGrid);
    }

    private static V1.ReorganizationChange Change(ReorganizationChange change) => change switch
    {
        MergeGrids merge => new V1.ReorganizationChange
        {
            MergeGrids = new V1.MergeGrids { SourceGridIds = { merge.Sources }, TargetGridId = merge.Target, AllowCrossCommunity = merge.AllowCrossCommunity },
        },
        MoveBuildingGroups move => new V1.ReorganizationChange
        {
            MoveBuildingGroups = new V1.MoveBuildingGroups { BuildingGroupIds = { move.BuildingGroups }, TargetGridId = move.Target },
        },
        CreateUnit create => new V1.ReorganizationChange
        {
            CreateUnit = new V1.CreateUnit { ProvisionalId = create.ProvisionalId, Level = (V1.OrgLevel)create.Level, ParentId = create.Parent, Name = create.Name },
        },
        // The building leader who leads a new grid keeps the building group's work phone until the admin gives the grid its own.
        AssignPosition { Holder.MemberId: { } member } assign => new V1.ReorganizationChange
        {
            AssignPosition = new V1.AssignPosition { UnitId = assign.Unit, Kind = (V1.PositionKind)assign.Kind, MemberId = member, HolderPhone = assign.Holder.HolderPhone },
        },
        _ => throw new InvalidOperationException($"the proposer made a {change.GetType().Name}, which it never should"),
    };

    private static V1.ReorganizationPlan Plan(OrgTreeSnapshot tree, long id, ReorganizationEffect effect, IReadOnlyList<Issue> rerouted)
    {
        var plan = new V1.ReorganizationPlan
        {
            PlanId = id,
            BaseTreeVersion = effect.BaseVersion,
            BuildingGroupsMoved = effect.BuildingGroupsMoved,
            HouseholdsMoved = effect.HouseholdsMoved,
        };
        plan.Created.AddRange(effect.Created.Select(u => Change(null, u)));
        plan.Retired.AddRange(effect.Retired.Select(u => Change(u, null)));
        plan.Reparented.AddRange(effect.Changed.Where(c => c.Before.ParentId != c.After.ParentId).Select(c => Change(c.Before, c.After)));
        plan.Renamed.AddRange(effect.Changed.Where(c => c.Before.Name != c.After.Name).Select(c => Change(c.Before, c.After)));
        plan.Recast.AddRange(effect.Changed.Where(c => c.Before.Kind != c.After.Kind).Select(c => Change(c.Before, c.After)));
        plan.MembersMoved.AddRange(effect.MembersMoved.Select(m => new V1.MemberMove { MemberId = m.Member, FromUnitId = m.From, ToUnitId = m.To }));
        plan.PositionsAssigned.AddRange(effect.PositionsAssigned.Select(ProtoMapping.Position));
        plan.PositionsVacated.AddRange(effect.PositionsVacated.Select(ProtoMapping.Position));
        plan.IssuesRerouted.AddRange(rerouted.Select(i => new V1.IssueReroute
        {
            IssueId = i.Id,
            FromUnitId = i.Owner.UnitId ?? 0,
            ToUnitId = effect.Successors[i.Owner.UnitId ?? 0],
        }));
        var messages = SnapshotMessages.For(tree);
        plan.Communities.AddRange(effect.Communities.OrderBy(c => c.Key).Select(c => new V1.CommunityCounts
        {
            Community = tree.TryIndexOf(c.Key, out var index) ? messages.Unit(index) : null,
            GridsBefore = c.Value.Before.Grids,
            GridsAfter = c.Value.After.Grids,
            BuildingGroupsBefore = c.Value.Before.BuildingGroups,
            BuildingGroupsAfter = c.Value.After.BuildingGroups,
            Households = c.Value.After.Households,
        }));
        plan.Warnings.AddRange(effect.Warnings);
        plan.GridsBefore = Enumerable.Range(0, tree.Count).Count(i => tree.LevelOf(i) == OrgLevel.Grid);
        plan.GridsAfter = plan.GridsBefore - effect.Retired.Count(u => u.Level == OrgLevel.Grid) + effect.Created.Count(u => u.Level == OrgLevel.Grid);
        return plan;
    }

    private static V1.UnitChange Change(OrgUnit? before, OrgUnit? after)
    {
        var unit = (after ?? before)!;
        return new V1.UnitChange
        {
            UnitId = unit.Id,
            Level = (V1.OrgLevel)unit.Level,
            NameBefore = before?.Name ?? string.Empty,
            NameAfter = after?.Name ?? string.Empty,
            CodeBefore = before?.Code ?? string.Empty,
            CodeAfter = after?.Code ?? string.Empty,
            ParentBefore = before?.ParentId ?? 0,
            ParentAfter = after?.ParentId ?? 0,
            KindBefore = before is null ? V1.UnitKind.Unspecified : (V1.UnitKind)before.Kind,
            KindAfter = after is null ? V1.UnitKind.Unspecified : (V1.UnitKind)after.Kind,
        };
    }
}
