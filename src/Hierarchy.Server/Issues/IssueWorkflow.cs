using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;
using Hierarchy.Grains.Issues;
using Hierarchy.Grains.Sweeps;
using Hierarchy.Server.Reorganization;
using Hierarchy.Server.Services;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Issues;

/// <summary>The closed loop as callers drive it: checks at the edge, each step taken by the issue's grain, then a wake-up for this silo's watchers.</summary>
public sealed class IssueWorkflow(
    HierarchyState state, IIssueStore issues, [FromKeyedServices(ServerSettings.ClockKey)] TimeProvider clock, IssueFeed feed, IGrainFactory grains,
    DueIssueSweep sweep, RetiredUnits retired, ICoBuildingStore coBuilding)
{
    /// <summary>
    /// Reports an issue, routed by the responsibility list; without a category no one is clearly its owner, and the dispatch
    /// centre receives it. The same caller's same request id returns the first issue.
    /// </summary>
    public async Task<Issue> ReportAsync(Caller caller, ReportCommand command, CancellationToken cancellationToken)
    {
        // Their lengths are bounded at the edge (RequestLimits); here they must be present.
        Require("request_id", command.RequestId);
        Require("description", command.Description);
        if (!Enum.IsDefined(command.Channel))
        {
            throw new InvalidFieldException("channel", $"{(int)command.Channel} is not a channel: hotline (1) to online (7)");
        }

        var tree = state.Tree;
        var place = Places.Locate(state, tree, command.HouseholdId, command.UnitId, command.UnitCode);
        long? household = command.HouseholdId == 0 ? null : command.HouseholdId;
        IssueAccess.CheckCanReport(caller, state, tree.UnitAt(place).Id, household);
        var key = IdempotencyKey.Scoped(caller.ToString(), command.RequestId);
        var facts = command.Category.Length == 0
            ? IssueRouting.ForCentre(tree, place, 0, key, command.Channel, command.Description, household)
            : IssueRouting.Facts(tree, ResponsibilityResolver.Resolve(tree, place, command.Category), 0, key, command.Channel, command.Description, household);
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

    /// <summary>确权转派: the dispatch centre transfers the issue to a unit (by id or code) or a department; a retired unit is refused, naming it.</summary>
    public async Task<Issue> TransferAsync(Caller caller, V1.TransferRequest request, CancellationToken cancellationToken)
    {
        var toUnit = request.UnitId != 0 || request.UnitCode.Length > 0;
        if (toUnit == (request.DepartmentCode.Length > 0))
        {
            throw new InvalidFieldException("unit_id", "set the new owner: a unit by id or code, or a department_code; exactly one");
        }

        var unit = 0L;
        if (toUnit)
        {
            var (_, _, found) = await retired.FindAsync(state.Tree, request.UnitId, request.UnitCode, cancellationToken);
            if (found.Retired)
            {
                throw new RuleViolationException(
                    $"cannot transfer issue {request.IssueId} to {found.Level} {found.Code} {found.Name}: it retired at tree version {found.RetiredVersion}");
            }

            unit = found.Id;
        }

        return await ActAsync(request.IssueId, new IssueCommand(IssueAction.Transfer, caller.ToString(), request.ExpectedVersion, request.Reason,
            Category: request.Category, TargetUnit: unit, TargetDepartment: request.DepartmentCode), cancellationToken);
    }

    /// <summary>The owner hands the issue back to the dispatch centre.</summary>
    public Task<Issue> HandBackAsync(Caller caller, long id, long expectedVersion, string reason, CancellationToken cancellationToken) =>
        ActAsync(id, new IssueCommand(IssueAction.HandBack, caller.ToString(), expectedVersion, reason), cancellationToken);

    /// <summary>有事您找我: the property company or committee that received the issue first hands it on to the community.</summary>
    public Task<Issue> HandOnAsync(Caller caller, long id, long expectedVersion, string reason, CancellationToken cancellationToken) =>
        ActAsync(id, new IssueCommand(IssueAction.HandOn, caller.ToString(), expectedVersion, reason), cancellationToken);

    /// <summary>The handler replies to the citizen, or explains why the issue is not solved yet.</summary>
    public Task<Issue> ReplyAsync(Caller caller, long id, long expectedVersion, string text, bool explanation, CancellationToken cancellationToken) =>
        ActAsync(id, new IssueCommand(explanation ? IssueAction.Explain : IssueAction.Reply, caller.ToString(), expectedVersion, text), cancellationToken);

    /// <summary>吹哨: departments are called to the issue.</summary>
    public Task<Issue> WhistleAsync(Caller caller, V1.WhistleRequest request, CancellationToken cancellationToken)
    {
        if (request.ReportWithinSeconds is < 0 or > 30 * 86_400)
        {
            throw new InvalidFieldException("report_within_seconds", $"{request.ReportWithinSeconds} is not between 0 and 30 days");
        }

        return ActAsync(request.IssueId, new IssueCommand(IssueAction.Whistle, caller.ToString(), request.ExpectedVersion, request.Reason,
            TargetDepartment: request.LeadDepartment, Departments: [.. request.CooperatingDepartments],
            ReportWithin: TimeSpan.FromSeconds(request.ReportWithinSeconds)), cancellationToken);
    }

    /// <summary>报到: a called department reports.</summary>
    public Task<Issue> CheckInAsync(Caller caller, long id, long expectedVersion, string note, CancellationToken cancellationToken) =>
        ActAsync(id, new IssueCommand(IssueAction.CheckIn, caller.ToString(), expectedVersion, note), cancellationToken);

    /// <summary>双报到: asks a co-building unit registered with the issue's community to help.</summary>
    public async Task<Issue> AssignHelperAsync(Caller caller, long id, long expectedVersion, long helperId, string note, CancellationToken cancellationToken)
    {
        if (helperId <= 0)
        {
            throw new InvalidFieldException("helper_id", helperId == 0 ? "is required" : $"{helperId} is not a co-building unit id");
        }

        var helper = await coBuilding.GetAsync(helperId, cancellationToken);
        return await ActAsync(id, new IssueCommand(IssueAction.AssignHelper, caller.ToString(), expectedVersion, note,
            Helper: new HelperRef(helper.Id, helper.CommunityId, helper.Name)), cancellationToken);
    }

    /// <summary>乱吹哨: a district's admin rules a whistle on the issue improper.</summary>
    public Task<Issue> RuleWhistleImproperAsync(Caller caller, long id, long expectedVersion, string reason, CancellationToken cancellationToken) =>
        ActAsync(id, new IssueCommand(IssueAction.RuleWhistleImproper, caller.ToString(), expectedVersion, reason), cancellationToken);

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
