using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Grpc.Contract;
using Hierarchy.Grpc.Server;
using Hierarchy.Server.Issues;
using Hierarchy.Server.Security;
using Hierarchy.Storage.Stores;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Hierarchy.Server.Services;

/// <summary><c>hierarchy.v1.IssueService</c>: the closed loop over gRPC.</summary>
public sealed class IssueService(HierarchyState state, TokenDirectory tokens, IssueWorkflow workflow, IIssueStore issues, IssueFeed feed)
    : IGrpcService, IDescribedService
{
    private const int MaxPage = 1000;

    /// <inheritdoc />
    public static ServiceDescriptor Descriptor => IssueMethods.Service;

    /// <inheritdoc />
    public void Bind(ServiceBinder binder) => binder
        .Unary(IssueMethods.ReportIssue, (r, c) => Reply(c, caller => workflow.ReportAsync(caller, new ReportCommand(
            r.RequestId, r.HouseholdId, r.UnitId, r.UnitCode, r.Category, (IssueChannel)r.Channel, r.Description), c.CancellationToken)))
        .Unary(IssueMethods.GetIssue, (r, c) => Reply(c, caller => workflow.GetAsync(caller, r.IssueId, c.CancellationToken), withEvents: true))
        .Unary(IssueMethods.ListIssues, ListAsync)
        .Unary(IssueMethods.Accept, (r, c) => Reply(c, caller => workflow.AcceptAsync(caller, r.IssueId, r.ExpectedVersion, c.CancellationToken)))
        .Unary(IssueMethods.StartWork, (r, c) => Reply(c, caller => workflow.StartWorkAsync(caller, r.IssueId, r.ExpectedVersion, c.CancellationToken)))
        .Unary(IssueMethods.Escalate, (r, c) => Reply(c, caller => workflow.EscalateAsync(caller, r.IssueId, r.ExpectedVersion, r.Reason, c.CancellationToken)))
        .Unary(IssueMethods.Resolve, (r, c) => Reply(c, caller => workflow.ResolveAsync(caller, r.IssueId, r.ExpectedVersion, r.Note, c.CancellationToken)))
        .Unary(IssueMethods.Rate, (r, c) => Reply(c, caller => workflow.RateAsync(caller, r.IssueId, r.ExpectedVersion, (Satisfaction)r.Rating, c.CancellationToken)))
        .Unary(IssueMethods.Reopen, (r, c) => Reply(c, caller => workflow.ReopenAsync(caller, r.IssueId, r.ExpectedVersion, r.Reason, c.CancellationToken)))
        .ServerStreaming(IssueMethods.WatchIssues, WatchAsync);

    private async ValueTask<V1.IssueReply> Reply(ServerCallContext context, Func<Caller, Task<Issue>> action, bool withEvents = false)
    {
        var caller = tokens.Authenticate(context);
        var issue = await action(caller);
        return new V1.IssueReply { Issue = IssueMapping.Issue(state.Tree, issue, withEvents) };
    }

    private async ValueTask<V1.ListIssuesResponse> ListAsync(V1.ListIssuesRequest request, ServerCallContext context)
    {
        var caller = tokens.Authenticate(context);
        var query = Scope(caller, request.UnitId, request.UnitCode, request.MemberId) with
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

    private async Task WatchAsync(V1.WatchIssuesRequest request, IServerStreamWriter<V1.IssueChange> changes, ServerCallContext context)
    {
        var caller = tokens.Authenticate(context);
        var query = Scope(caller, request.UnitId, request.UnitCode, request.MemberId);
        if (request.AfterPosition < 0)
        {
            throw new InvalidFieldException("after_position", $"{request.AfterPosition} is negative");
        }

        var position = request.AfterPosition;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var events = await issues.EventsAfterAsync(query, position, 500, context.CancellationToken);
            var tree = state.Tree;
            foreach (var (issue, e) in events)
            {
                await changes.WriteAsync(new V1.IssueChange { Issue = IssueMapping.Issue(tree, issue, false), Event = IssueMapping.Event(tree, issue, e) });
                position = e.Position;
            }

            if (events.Count == 0)
            {
                await feed.WaitAsync(TimeSpan.FromSeconds(2), context.CancellationToken);
            }
        }
    }

    /// <summary>The issues a caller may list or watch: a subtree within its reach, or a member's own households.</summary>
    private IssueQuery Scope(Caller caller, long unitId, string unitCode, long memberId)
    {
        var tree = state.Tree;
        if (memberId != 0)
        {
            if (unitId != 0 || unitCode.Length > 0)
            {
                throw new InvalidFieldException("member_id", "set a unit or a member, not both");
            }

            var member = state.Members.Get(memberId) ?? throw new NotFoundException($"party member {memberId}");
            AccessPolicy.CheckCanListHouseholds(caller, tree, memberId, member.Member.UnitId);
            return new IssueQuery { HouseholdIds = member.Households };
        }

        var index = tree.Find(unitId, unitCode);
        var unit = tree.UnitAt(index);
        if (caller.Role == CallerRole.Member || (caller.Role == CallerRole.Admin && !AccessPolicy.IsInScope(caller, tree, unit.Id)))
        {
            throw new PermissionDeniedException($"{caller} may not list the issues of {unit.Level} {unit.Code}");
        }

        return new IssueQuery { RootLevel = unit.Level, RootId = unit.Id };
    }
}
