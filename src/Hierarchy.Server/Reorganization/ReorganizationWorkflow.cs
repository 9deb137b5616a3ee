using Google.Protobuf;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Reorganization;
using Hierarchy.Grains.Reorganization;
using Hierarchy.Server.Issues;
using Hierarchy.Server.Replication;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Reorganization;

/// <summary>
/// Plans and applies reorganisations: admins only, inside their subtree, one district per plan; a plan is applied by its
/// district's coordinator grain, and this silo's read model swaps to the new tree before the answer.
/// </summary>
public sealed class ReorganizationWorkflow(
    HierarchyState state, IOrgTreeStore trees, IReorganizationStore plans, [FromKeyedServices(ServerSettings.ClockKey)] TimeProvider clock, IssueFeed feed,
    ChangeFeedFollower follower, IGrainFactory grains) : IPlanApplier
{
    /// <summary>Works a plan out against the current tree and stores it; returns its id, the effect and the issues it would move.</summary>
    public async Task<(long PlanId, ReorganizationEffect Effect, IReadOnlyList<Issue> Rerouted)> PlanAsync(
        Caller caller, V1.PlanReorganizationRequest request, CancellationToken cancellationToken)
    {
        var tree = state.Tree;
        ReorganizationEffect effect;
        IReadOnlyList<Issue> rerouted;
        long district;
        try
        {
            (effect, rerouted, district) = await WorkOutAsync(caller, tree, request, cancellationToken);
        }
        catch (NotFoundException e) when (e.UnitId is not null)
        {
            // A unit a past reorganisation retired is no longer in the tree; say so rather than that it never was.
            if (await trees.FindRetiredAsync(e.UnitId.Value, string.Empty, cancellationToken) is { } retired)
            {
                throw new RuleViolationException(
                    $"{retired.Level} {retired.Id} ({retired.Name}) was retired at tree version {retired.RetiredVersion}; plan against the units that took its place");
            }

            throw;
        }

        var summary = $"{effect.Retired.Count} units retired, {effect.Created.Count} created, {effect.BuildingGroupsMoved} building groups moved, " +
            $"{effect.HouseholdsMoved} households change grid";
        var id = await plans.SavePlanAsync(tree.Version, district, request.ToByteArray(), summary, caller.ToString(), clock.GetUtcNow(), cancellationToken);
        return (id, effect, rerouted);
    }

    /// <summary>Applies a stored plan if the tree is still at the version it was made on; a plan applied before changes nothing.</summary>
    public async Task<(long Version, DateTimeOffset EffectiveAt, bool AppliedNow, long Token)> ApplyAsync(
        Caller caller, long planId, long expectedVersion, CancellationToken cancellationToken)
    {
        if (planId <= 0)
        {
            throw new InvalidFieldException("plan_id", planId == 0 ? "is required" : $"{planId} is not a plan id");
        }

        if (expectedVersion <= 0)
        {
            throw new InvalidFieldException("expected_tree_version", "is required: the tree version the plan was made on");
        }

        var plan = await plans.GetPlanAsync(planId, cancellationToken);
        if (plan.AppliedVersion is not null)
        {
            return await AlreadyAppliedAsync(plan, cancellationToken);
        }

        // Plans stored before plans named their district share one coordinator.
        var applied = await grains.GetGrain<IDistrictTreeGrain>(plan.DistrictId ?? 0).ApplyAsync(caller.ToString(), planId, expectedVersion)
            .WaitAsync(cancellationToken);
        feed.Notify();
        return (applied.Version, applied.EffectiveAt, applied.AppliedNow, await follower.CatchUpAsync(cancellationToken));
    }

    /// <inheritdoc />
    async Task<AppliedReorganization> IPlanApplier.ApplyAsync(string callerName, long planId, long expectedVersion)
    {
        var caller = Caller.Parse(callerName);
        // A retry that waited in the coordinator while the first attempt applied the plan answers with what that attempt made.
        var plan = await plans.GetPlanAsync(planId, CancellationToken.None);
        if (plan.AppliedVersion is not null)
        {
            return new AppliedReorganization(plan.AppliedVersion.Value, plan.AppliedAt!.Value, AppliedNow: false);
        }

        var tree = state.Tree.Version < plan.BaseVersion ? await CaughtUpTreeAsync(CancellationToken.None) : state.Tree;
        if (tree.Version != plan.BaseVersion)
        {
            throw new VersionConflictException($"the org tree plan {planId} was made on", plan.BaseVersion, tree.Version);
        }

        if (expectedVersion != plan.BaseVersion)
        {
            throw new VersionConflictException("the org tree", expectedVersion, tree.Version);
        }

        var request = V1.PlanReorganizationRequest.Parser.ParseFrom(plan.Request);
        var (effect, _, _) = await WorkOutAsync(caller, tree, request, CancellationToken.None);
        // Whole milliseconds, as the plan store keeps it: the first answer and every retry report the same instant.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        await plans.ApplyAsync(planId, expectedVersion, effect, caller.ToString(), now, CancellationToken.None);
        // Another coordinator (a plan stored before plans named their district) may have applied it first: the stored plan says.
        var applied = await plans.GetPlanAsync(planId, CancellationToken.None);
        return new AppliedReorganization(applied.AppliedVersion!.Value, applied.AppliedAt!.Value, applied.AppliedAt == now);
    }

    private async Task<(long Version, DateTimeOffset EffectiveAt, bool AppliedNow, long Token)> AlreadyAppliedAsync(
        StoredPlan plan, CancellationToken cancellationToken) =>
        (plan.AppliedVersion!.Value, plan.AppliedAt!.Value, false, await follower.CatchUpAsync(cancellationToken));

    private async Task<OrgTreeSnapshot> CaughtUpTreeAsync(CancellationToken cancellationToken)
    {
        await follower.CatchUpAsync(cancellationToken);
        return state.Tree;
    }

    /// <summary>Lists applied plans, newest first.</summary>
    public Task<IReadOnlyList<StoredPlan>> ListAsync(int limit, CancellationToken cancellationToken) => plans.ListAppliedAsync(limit, cancellationToken);

    private async Task<(ReorganizationEffect Effect, IReadOnlyList<Issue> Rerouted, long District)> WorkOutAsync(
        Caller caller, OrgTreeSnapshot tree, V1.PlanReorganizationRequest request, CancellationToken cancellationToken)
    {
        if (caller.Role != CallerRole.Admin)
        {
            throw new PermissionDeniedException($"reorganisation is for admins; {caller} is not one");
        }

        var changes = ChangeParser.Parse(request, state.Members);
        var districts = new SortedDictionary<long, string>();
        foreach (var unit in ChangeParser.UnitsNamed(changes, state.Members).Distinct())
        {
            if (tree.TryIndexOf(unit, out var index))
            {
                AccessPolicy.CheckAdminOf(caller, tree, "PlanReorganization", unit);
                var district = tree.UnitAt(tree.DistrictOf(index));
                districts[district.Id] = district.Name;
            }
        }

        var effect = ReorganizationPlanner.Plan(tree, changes, Context(await trees.MaxUnitIdAsync(cancellationToken)));
        if (districts.Count > 1)
        {
            throw new RuleViolationException(
                $"a reorganisation works within one district, and this plan changes units of {districts.Count} ({string.Join(", ", districts.Values.Take(3))}): plan each district apart");
        }

        var rerouted = await plans.OpenIssuesOwnedByAsync(effect.Successors.Keys, cancellationToken);
        return (effect, rerouted, districts.Keys.FirstOrDefault());
    }

    private PlanningContext Context(long maxUnitId)
    {
        var byUnit = new Lazy<ILookup<long, long>>(() => state.Members.All().ToLookup(m => m.Member.UnitId, m => m.Member.Id));
        return new PlanningContext(
            maxUnitId,
            group => state.Households.CountIn(group),
            unit => [.. byUnit.Value[unit]],
            member => state.Members.Get(member)?.Member.UnitId,
            member => state.Members.Get(member)?.Households.Count ?? 0);
    }
}
