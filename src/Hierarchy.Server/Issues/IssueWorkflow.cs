using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;
using Hierarchy.Grains.Issues;
using Hierarchy.Grains.Sweeps;
using Hierarchy.Server.Services;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Issues;

/// <summary>The closed loop as callers drive it: checks at the edge, each step taken by the issue's grain, then a wake-up for this silo's watchers.</summary>
public sealed class IssueWorkflow(
    HierarchyState state, IIssueStore issues, [FromKeyedServices(ServerSettings.ClockKey)] TimeProvider clock, IssueFeed feed, IGrainFactory grains,
    DueIssueSweep sweep)
{
    /// <summary>Reports an issue, routed by the responsibility matrix; the same caller's same request id returns the first issue.</summary>
    public async Task<Issue> ReportAsync(Caller caller, ReportCommand command, CancellationToken cancellationToken)
    {
        // Their lengths are bounded at the edge (RequestLimits); here they must be present.
        Require("request_id", command.RequestId);
        Require("description", command.Description);
        if (!Enum.IsDefined(command.Channel))
        {
            throw new InvalidFieldException("channel", $"{(int)command.Channel} is not a channel: hotline (1) to proactive (6)");
        }

        var tree = state.Tree;
        var place = Places.Locate(state, tree, command.HouseholdId, command.UnitId, command.UnitCode);
        var resolution = ResponsibilityResolver.Resolve(tree, place, command.Category);
        long? household = command.HouseholdId == 0 ? null : command.HouseholdId;
        IssueAccess.CheckCanReport(caller, state, tree.UnitAt(place).Id, household);
        var key = IdempotencyKey.Scoped(caller.ToString(), command.RequestId);
        var facts = IssueRouting.Facts(tree, resolution, 0, key, command.Channel, command.Description, household);
        var (issue, created) = await issues.ReportAsync(facts, Issue.Report(clock.GetUtcNow(), caller.ToString()), cancellationToken);
        if (created)
        {
            feed.Notify();
        }
        else
        {
            IdempotencyKey.CheckSameReport(issue.Facts, facts);
        }

        return issue;
    }

    /// <summary>Gets an issue with its log.</summary>
    public async Task<Issue> GetAsync(Caller caller, long id, CancellationToken cancellationToken)
    {
        var issue = await issues.GetAsync(CheckId(id), withEvents: true, cancellationToken);
        IssueAccess.CheckCanSee(caller, state, issue);
        return issue;
    }

    /// <summary>中心接 and 平台转.</summary>
    public Task<Issue> AcceptAsync(Caller caller, long id, long expectedVersion, CancellationToken cancellationToken) =>
        ActAsync(id, new IssueCommand(IssueAction.Accept, caller.ToString(), expectedVersion), cancellationToken);

    /// <summary>The owner starts work.</summary>
    public Task<Issue> StartWorkAsync(Caller caller, long id, long expectedVersion, CancellationToken cancellationToken) =>
        ActAsync(id, new IssueCommand(IssueAction.StartWork, caller.ToString(), expectedVersion), cancellationToken);

    /// <summary>The owner hands the issue one step up.</summary>
    public Task<Issue> EscalateAsync(Caller caller, long id, long expectedVersion, string reason, CancellationToken cancellationToken) =>
        ActAsync(id, new IssueCommand(IssueAction.Escalate, caller.ToString(), expectedVersion, reason), cancellationToken);

    /// <summary>The owner resolves the issue.</summary>
    public Task<Issue> ResolveAsync(Caller caller, long id, long expectedVersion, string note, CancellationToken cancellationToken) =>
        ActAsync(id, new IssueCommand(IssueAction.Resolve, caller.ToString(), expectedVersion, note), cancellationToken);

    /// <summary>The citizen rates the resolution.</summary>
    public Task<Issue> RateAsync(Caller caller, long id, long expectedVersion, Satisfaction rating, CancellationToken cancellationToken) =>
        ActAsync(id, new IssueCommand(IssueAction.Rate, caller.ToString(), expectedVersion, Rating: (int)rating), cancellationToken);

    /// <summary>A dissatisfied citizen reopens the issue.</summary>
    public Task<Issue> ReopenAsync(Caller caller, long id, long expectedVersion, string reason, CancellationToken cancellationToken) =>
        ActAsync(id, new IssueCommand(IssueAction.Reopen, caller.ToString(), expectedVersion, reason), cancellationToken);

    /// <summary>Escalates every issue due by now, in batches, each exactly once, from this silo; returns how many moved.</summary>
    public async Task<int> SweepAsync(int batch, CancellationToken cancellationToken, IProgress<int>? committed = null)
    {
        var swept = await sweep.RunAsync(SweepPartition.All, batch, cancellationToken, committed);
        if (swept > 0)
        {
            feed.Notify();
        }

        return swept;
    }

    private async Task<Issue> ActAsync(long id, IssueCommand command, CancellationToken cancellationToken)
    {
        if (command.ExpectedVersion < 0)
        {
            throw new InvalidFieldException("expected_version", $"{command.ExpectedVersion} is negative");
        }

        var issue = await grains.GetGrain<IIssueGrain>(CheckId(id)).ActAsync(command).WaitAsync(cancellationToken);
        feed.Notify();
        return issue;
    }

    private static long CheckId(long id) =>
        id > 0 ? id : throw new InvalidFieldException("issue_id", id == 0 ? "is required" : $"{id} is not an issue id");

    private static void Require(string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidFieldException(field, "is required");
        }
    }
}
