using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;
using Hierarchy.Grains.Responsibility;
using Hierarchy.Server.Issues;
using Hierarchy.Server.Reorganization;
using Hierarchy.Server.Replication;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Responsibility;

/// <summary>
/// The responsibility list as admins change it: a plan from the two CSV files with its diff against the list in force, then
/// an apply by the list's grain that refuses a plan another change overtook; and the list as it was at any time.
/// </summary>
public sealed class ResponsibilityListWorkflow(
    HierarchyState state, IResponsibilityListStore lists, HistoricalTrees history, [FromKeyedServices(ServerSettings.ClockKey)] TimeProvider clock,
    IssueFeed feed, ChangeFeedFollower follower, IGrainFactory grains)
{
    /// <summary>Checks a new list and stores it as a plan; returns its id, the list version it was made on, and the diff.</summary>
    public async Task<(long PlanId, long BaseVersion, IReadOnlyList<ListDifference> Differences, string Summary)> PlanAsync(
        Caller caller, string departmentsCsv, string categoriesCsv, CancellationToken cancellationToken)
    {
        var tree = state.Tree;
        AccessPolicy.CheckDistrictAdmin(caller, tree, "planning the responsibility list");
        var list = ResponsibilityListCsv.Parse(departmentsCsv, categoriesCsv);
        var differences = ResponsibilityListDiff.Between(tree.Matrix, list);
        var summary = ResponsibilityListDiff.Summarize(differences);
        var baseVersion = await lists.VersionAtAsync(tree.Version, cancellationToken);
        var id = await lists.SavePlanAsync(baseVersion, departmentsCsv, categoriesCsv, summary, caller.ToString(), clock.GetUtcNow(), cancellationToken);
        return (id, baseVersion, differences, summary);
    }

    /// <summary>Puts a planned list in force; this silo reads it before the answer, whose token lets any silo be asked after.</summary>
    public async Task<(AppliedList Applied, long Token)> ApplyAsync(Caller caller, long planId, CancellationToken cancellationToken)
    {
        AccessPolicy.CheckDistrictAdmin(caller, state.Tree, "applying the responsibility list");
        if (planId <= 0)
        {
            throw new InvalidFieldException("plan_id", planId == 0 ? "is required" : $"{planId} is not a plan id");
        }

        var applied = await grains.GetGrain<IResponsibilityListGrain>(0).ApplyAsync(caller.ToString(), planId).WaitAsync(cancellationToken);
        feed.Notify();
        return (applied, await follower.CatchUpAsync(cancellationToken));
    }

    /// <summary>Gets the list in force at a time (now when null) and the version it took effect at.</summary>
    public async Task<(ResponsibilityMatrix List, long Version)> AtAsync(DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var tree = asOf is { } time ? await history.AtAsync(time, cancellationToken) : state.Tree;
        return (tree.Matrix, await lists.VersionAtAsync(tree.Version, cancellationToken));
    }

    /// <summary>Gets the list's versions, newest first.</summary>
    public Task<IReadOnlyList<ListVersion>> VersionsAsync(int limit, CancellationToken cancellationToken) => lists.ListVersionsAsync(limit, cancellationToken);
}
