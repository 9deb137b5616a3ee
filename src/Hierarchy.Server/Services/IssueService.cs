using Grpc.Core;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Server.Issues;
using Hierarchy.Server.Replication;
using Hierarchy.Server.Security;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Services;

/// <summary><c>hierarchy.v1.IssueService</c>: the closed loop over gRPC.</summary>
public sealed class IssueService(HierarchyState state, IssueWorkflow workflow, IIssueStore issues, IssueFeed feed, IssueScopes scopes)
    : V1.IssueService.IssueServiceBase
{
    private const int MaxPage = 1000;

    /// <inheritdoc />
    public override Task<V1.IssueReply> ReportIssue(V1.ReportIssueRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.ReportAsync(caller, new ReportCommand(request.RequestId, request.HouseholdId, request.UnitId,
            request.UnitCode, request.Category, (IssueChannel)request.Channel, request.Description), context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> GetIssue(V1.GetIssueRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.GetAsync(caller, request.IssueId, context.CancellationToken), withEvents: true);

    /// <inheritdoc />
    public override Task<V1.IssueReply> Accept(V1.IssueActionRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.AcceptAsync(caller, request.IssueId, request.ExpectedVersion, context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> StartWork(V1.IssueActionRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.StartWorkAsync(caller, request.IssueId, request.ExpectedVersion, context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> Escalate(V1.EscalateRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.EscalateAsync(caller, request.IssueId, request.ExpectedVersion, request.Reason, context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> Resolve(V1.ResolveIssueRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.ResolveAsync(caller, request.IssueId, request.ExpectedVersion, request.Note, context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> Rate(V1.RateRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.RateAsync(caller, request.IssueId, request.ExpectedVersion, (Satisfaction)request.Rating, context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> Reopen(V1.ReopenRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.ReopenAsync(caller, request.IssueId, request.ExpectedVersion, request.Reason, context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> Transfer(V1.TransferRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.TransferAsync(caller, request, context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> HandBack(V1.HandBackRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.HandBackAsync(caller, request.IssueId, request.ExpectedVersion, request.Reason, context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> HandOn(V1.HandBackRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.HandOnAsync(caller, request.IssueId, request.ExpectedVersion, request.Reason, context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> Reply(V1.ReplyRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.ReplyAsync(caller, request.IssueId, request.ExpectedVersion, request.Text, explanation: false, context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> Explain(V1.ReplyRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.ReplyAsync(caller, request.IssueId, request.ExpectedVersion, request.Text, explanation: true, context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> Whistle(V1.WhistleRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.WhistleAsync(caller, request, context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> AssignHelper(V1.AssignHelperRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.AssignHelperAsync(caller, request.IssueId, request.ExpectedVersion, request.HelperId, request.Note, context.CancellationToken));

    /// <inheritdoc/>
    public override Task<V1.IssueReply> CheckIn(V1.CheckInRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.CheckInAsync(caller, request.IssueId, request.ExpectedVersion, request.Note, context.CancellationToken));

    /// <inheritdoc />
    public override Task<V1.IssueReply> RuleWhistleImproper(V1.RuleWhistleImproperRequest request, ServerCallContext context) =>
        Reply(context, caller => workflow.RuleWhistleImproperAsync(caller, request.IssueId, request.ExpectedVersion, request.Reason, context.CancellationToken));

    private async Task<V1.IssueReply> Reply(ServerCallContext context, Func<Caller, Task<Issue>> action, bool withEvents = false)
    {
        var caller = context.Caller();
        var issue = await action(caller);
        return new V1.IssueReply { Issue = IssueMapping.Issue(state.Tree, issue, withEvents) };
    }

    /// <inheritdoc/>
    public override async Task<V1.ListIssuesResponse> ListIssues(V1.ListIssuesRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var query = await scopes.ForAsync(caller, request.UnitId, request.UnitCode, request.MemberId, request.DepartmentCode, request.DispatchCentre,
            context.CancellationToken, request.OrganizationId) with
        {
            Status = request.Status == V1.IssueStatus.Unspecified ? null
                : Enum.IsDefined((IssueStatus)request.Status) ? (IssueStatus)request.Status
                : throw new InvalidFieldException("status", $"{(int)request.Status} is not an issue status"),
            Category = request.Category.Length == 0 ? null : request.Category,
            ReportedFrom = request.ReportedFrom?.ToDateTimeOffset(),
            ReportedBefore = request.ReportedBefore?.ToDateTimeOffset(),
        };
        var size = Paging.Size(request.PageSize, 100, MaxPage);
        var found = await issues.ListAsync(query, Paging.Position(request.PageToken), size + 1, context.CancellationToken);
        var tree = state.Tree;
        var response = new V1.ListIssuesResponse();
        response.Issues.AddRange(found.Take(size).Select(i => IssueMapping.Issue(tree, i, withEvents: false)));
        if (found.Count > size)
        {
            response.NextPageToken = Paging.Token(found[size - 1].Id);
        }

        return response;
    }

    /// <inheritdoc/>
    public override async Task WatchIssues(V1.WatchIssuesRequest request, IServerStreamWriter<V1.IssueChange> changes, ServerCallContext context)
    {
        var caller = context.Caller();
        var query = await scopes.ForAsync(
            caller, request.UnitId, request.UnitCode, request.MemberId, string.Empty, false, context.CancellationToken, request.OrganizationId);
        if (request.AfterPosition < 0)
        {
            throw new InvalidFieldException("after_position", $"{request.AfterPosition} is negative");
        }

        var position = request.AfterPosition;
        var horizon = new CommitOrderHorizon(TimeProvider.System);
        while (!context.CancellationToken.IsCancellationRequested)
        {
            // Positions are read across every issue, so an event committed late holds the watch back instead of being skipped.
            var page = await issues.EventPositionsAfterAsync(position, 500, context.CancellationToken);
            var readable = horizon.Readable(position, page.Positions, page.Transactions);
            var upTo = readable == 0 ? position : page.Positions[readable - 1];
            var events = upTo == position ? [] : await issues.EventsAfterAsync(query, position, upTo, 500, context.CancellationToken);
            var tree = state.Tree;
            foreach (var (issue, e) in events)
            {
                await changes.WriteAsync(new V1.IssueChange { Issue = IssueMapping.Issue(tree, issue, false), Event = IssueMapping.Event(tree, issue, e) });
            }

            if (upTo == position)
            {
                await feed.WaitAsync(horizon.IsWaiting ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(2), context.CancellationToken);
            }

            position = upTo;
        }
    }
}
