using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;
using Hierarchy.Server.Security;
using Hierarchy.Server.Services;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Issues;

/// <summary>The closed loop as callers drive it: checks, the guarded domain step, one transaction per change, then a wake-up for watchers.</summary>
public sealed class IssueWorkflow(HierarchyState state, IIssueStore issues, [FromKeyedServices(ServerSettings.ClockKey)] TimeProvider clock, IssueFeed feed)
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
        ChangeAsync(id, expectedVersion, (issue, now) =>
        {
            IssueAccess.CheckCanHandle(caller, state, issue, "accept");
            return issue.Accept(now, caller.ToString());
        }, cancellationToken);

    /// <summary>The owner starts work.</summary>
    public Task<Issue> StartWorkAsync(Caller caller, long id, long expectedVersion, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, (issue, now) =>
        {
            IssueAccess.CheckCanHandle(caller, state, issue, "start work on");
            return [issue.StartWork(now, caller.ToString())];
        }, cancellationToken);

    /// <summary>The owner hands the issue one step up.</summary>
    public Task<Issue> EscalateAsync(Caller caller, long id, long expectedVersion, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, (issue, now) =>
        {
            IssueAccess.CheckCanHandle(caller, state, issue, "escalate");
            return [issue.Escalate(now, caller.ToString(), reason)];
        }, cancellationToken);

    /// <summary>The owner resolves the issue.</summary>
    public Task<Issue> ResolveAsync(Caller caller, long id, long expectedVersion, string note, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, (issue, now) =>
        {
            IssueAccess.CheckCanHandle(caller, state, issue, "resolve");
            return [issue.Resolve(now, caller.ToString(), note)];
        }, cancellationToken);

    /// <summary>The citizen rates the resolution.</summary>
    public Task<Issue> RateAsync(Caller caller, long id, long expectedVersion, Satisfaction rating, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, (issue, now) =>
        {
            IssueAccess.CheckSpeaksForCitizen(caller, state, issue, "rate");
            return [issue.Rate(now, caller.ToString(), rating)];
        }, cancellationToken);

    /// <summary>A dissatisfied citizen reopens the issue.</summary>
    public Task<Issue> ReopenAsync(Caller caller, long id, long expectedVersion, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, expectedVersion, (issue, now) =>
        {
            IssueAccess.CheckSpeaksForCitizen(caller, state, issue, "reopen");
            return [issue.Reopen(now, caller.ToString(), reason)];
        }, cancellationToken);

    /// <summary>Escalates every issue due by now, in batches, each exactly once; returns how many moved.</summary>
    public async Task<int> SweepAsync(int batch, CancellationToken cancellationToken, IProgress<int>? committed = null)
    {
        var total = 0;
        while (true)
        {
            var swept = await issues.SweepAsync(clock.GetUtcNow(), batch, cancellationToken);
            total += swept.Count;
            committed?.Report(total);
            if (swept.Count > 0)
            {
                feed.Notify();
            }

            if (swept.Count < batch)
            {
                return total;
            }
        }
    }

    private async Task<Issue> ChangeAsync(
        long id, long expectedVersion, Func<Issue, DateTimeOffset, IReadOnlyList<IssueEvent>> decide, CancellationToken cancellationToken)
    {
        if (expectedVersion < 0)
        {
            throw new InvalidFieldException("expected_version", $"{expectedVersion} is negative");
        }

        var now = clock.GetUtcNow();
        var (issue, added) = await issues.UpdateAsync(CheckId(id), expectedVersion, i => decide(i, now), cancellationToken);
        if (added.Count > 0)
        {
            feed.Notify();
        }

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
