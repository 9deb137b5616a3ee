using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Supervision;
using Hierarchy.Grains.Supervision;
using Hierarchy.Server.Issues;
using Hierarchy.Server.Security;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Services;

/// <summary><c>hierarchy.v1.SupervisionService</c>: supervision orders (督办单), what is overdue, and the monthly report (月度通报).</summary>
public sealed class SupervisionService(
    HierarchyState state, IIssueStore issues, ISupervisionStore orders, IssueScopes scopes, IGrainFactory grains, ScoringWeights weights,
    [FromKeyedServices(ServerSettings.ClockKey)] TimeProvider clock) : V1.SupervisionService.SupervisionServiceBase
{
    // A street's month is a few thousand issues; a report over more than this is refused rather than cut short.
    private const int MaxReportIssues = 200_000;
    private const int MaxPage = 1000;

    /// <inheritdoc/>
    public override async Task<V1.SupervisionOrder> IssueSupervisionOrder(V1.IssueSupervisionOrderRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var tree = state.Tree;
        var toUnit = request.UnitId != 0 || request.UnitCode.Length > 0;
        if (toUnit == (request.DepartmentCode.Length > 0))
        {
            throw new InvalidFieldException("unit_id", "set the target: a unit by id or code, or a department_code; exactly one");
        }

        var target = toUnit
            ? IssueOwner.Unit(tree.UnitAt(tree.Find(request.UnitId, request.UnitCode)).Id)
            : IssueOwner.Department(tree.Matrix.KnownDepartment("department_code", request.DepartmentCode).Code);
        long? issueId = request.IssueId == 0 ? null : request.IssueId;
        var district = await DistrictOfAsync(caller, tree, target, issueId, context.CancellationToken);
        var order = new SupervisionOrder(0, district, target, issueId, (SupervisionGround)request.Ground, request.Text, [.. request.CopyTo],
            clock.GetUtcNow(), caller.ToString(), request.DueAt?.ToDateTimeOffset() ?? throw new InvalidFieldException("due_at", "is required"));
        var issued = await grains.GetGrain<ISupervisionDeskGrain>(district).IssueAsync(order).WaitAsync(context.CancellationToken);
        return Order(tree, issued);
    }

    /// <inheritdoc/>
    public override async Task<V1.SupervisionOrder> AnswerSupervisionOrder(V1.AnswerSupervisionOrderRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var order = await orders.GetAsync(request.OrderId > 0 ? request.OrderId : throw new InvalidFieldException("order_id", "is required"),
            context.CancellationToken);
        var answered = await grains.GetGrain<ISupervisionDeskGrain>(order.DistrictId).AnswerAsync(order.Id, caller.ToString(), request.Answer)
            .WaitAsync(context.CancellationToken);
        return Order(state.Tree, answered);
    }

    /// <inheritdoc/>
    public override async Task<V1.ListSupervisionOrdersResponse> ListSupervisionOrders(V1.ListSupervisionOrdersRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var tree = state.Tree;
        var (from, to) = (request.IssuedFrom?.ToDateTimeOffset() ?? DateTimeOffset.MinValue, request.IssuedBefore?.ToDateTimeOffset() ?? DateTimeOffset.MaxValue);
        var found = caller.Role switch
        {
            CallerRole.Department => await orders.ListAsync(null, caller.DepartmentCode, null, from, to, context.CancellationToken),
            CallerRole.Service or CallerRole.Dispatcher => await orders.ListAsync(null, null, null, from, to, context.CancellationToken),
            CallerRole.Admin when tree.TryIndexOf(caller.SubjectId, out var unit) =>
                [.. (await orders.ListAsync(tree.UnitAt(tree.DistrictOf(unit)).Id, null, null, from, to, context.CancellationToken))
                    .Where(o => tree.ParentOf(unit) < 0 || (o.Target.UnitId is { } id && AccessPolicy.IsInScope(caller, tree, id)))],
            _ => throw new PermissionDeniedException($"{caller} may not list supervision orders"),
        };
        var response = new V1.ListSupervisionOrdersResponse();
        response.Orders.AddRange(found.Select(o => Order(tree, o)));
        return response;
    }

    /// <inheritdoc/>
    public override async Task<V1.ListOverdueResponse> ListOverdue(V1.ListOverdueRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var query = await scopes.ForAsync(caller, request.UnitId, request.UnitCode, 0, request.DepartmentCode, false, context.CancellationToken);
        var size = Paging.Size(request.PageSize, 100, MaxPage);
        var now = clock.GetUtcNow();
        var found = await issues.ListOverdueAsync(query, now, Paging.Position(request.PageToken), size + 1, context.CancellationToken);
        var tree = state.Tree;
        var response = new V1.ListOverdueResponse();
        foreach (var issue in found.Take(size))
        {
            var overdue = new V1.OverdueIssue { Issue = IssueMapping.Issue(tree, issue, withEvents: false) };
            overdue.Overdue.AddRange(OverdueKinds(issue, now));
            response.Issues.Add(overdue);
        }

        if (found.Count > size)
        {
            response.NextPageToken = Paging.Token(found[size - 1].Id);
        }

        return response;
    }

    /// <inheritdoc/>
    public override async Task<V1.MonthlyReport> GetMonthlyReport(V1.GetMonthlyReportRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var tree = state.Tree;
        var month = ReportMonth.Of(request.Year, request.Month);
        var root = tree.Find(request.UnitId, request.UnitCode);
        var unit = tree.UnitAt(root);
        if (!(caller.Role is CallerRole.Service or CallerRole.Dispatcher || (caller.Role == CallerRole.Admin && AccessPolicy.IsInScope(caller, tree, unit.Id))))
        {
            throw new PermissionDeniedException($"{caller} may not read the monthly report of {unit.Level} {unit.Code}");
        }

        var query = new IssueQuery { RootLevel = unit.Level, RootId = unit.Id, ReportedFrom = month.From, ReportedBefore = month.To };
        var found = await issues.ListWithEventsAsync(query, MaxReportIssues + 1, context.CancellationToken);
        if (found.Count > MaxReportIssues)
        {
            throw new RuleViolationException($"{unit.Name} had more than {MaxReportIssues:N0} issues in {month}: ask for the report of a unit below it");
        }

        var issued = await orders.ListAsync(tree.UnitAt(tree.DistrictOf(root)).Id, null, null, month.From, month.To, context.CancellationToken);
        var (units, departments) = Domain.Supervision.MonthlyReport.Compute(tree, root, found, issued, clock.GetUtcNow(), weights);
        var report = new V1.MonthlyReport
        {
            Unit = ProtoMapping.Unit(unit, tree.ChildCountOf(root)),
            Month = month.ToString(),
            Csv = MonthlyReportCsv.Format(units, departments, id => tree.TryIndexOf(id, out var i) ? tree.UnitAt(i).Code : string.Empty),
        };
        report.Units.AddRange(units.Select(Row));
        report.Departments.AddRange(departments.Select(Row));
        return report;
    }

    private static IEnumerable<string> OverdueKinds(Issue issue, DateTimeOffset now)
    {
        if (issue.IsOpen && issue.DueAt < now)
        {
            yield return "resolution";
        }

        if (issue.IsReplyOverdue(now))
        {
            yield return "reply";
        }

        if (issue.IsExplanationMissing(now))
        {
            yield return "explanation";
        }

        foreach (var summons in issue.Summons.Where(s => s.IsLate(now)))
        {
            yield return "report:" + summons.DepartmentCode;
        }
    }

    // A district's admin issues for its district; the dispatch centre (or the platform) about an issue, for the issue's district.
    private async Task<long> DistrictOfAsync(Caller caller, OrgTreeSnapshot tree, IssueOwner target, long? issueId, CancellationToken cancellationToken)
    {
        if (caller.Role == CallerRole.Admin)
        {
            AccessPolicy.CheckDistrictAdmin(caller, tree, "issuing a supervision order");
            if (target.UnitId is { } unit)
            {
                AccessPolicy.CheckAdminOf(caller, tree, "issuing a supervision order", unit);
            }

            if (issueId is { } about)
            {
                AccessPolicy.CheckAdminOf(caller, tree, "issuing a supervision order", (await issues.GetAsync(about, false, cancellationToken)).Facts.PlaceUnitId);
            }

            return caller.SubjectId;
        }

        if (caller.Role is not (CallerRole.Service or CallerRole.Dispatcher))
        {
            throw new PermissionDeniedException($"{caller} may not issue supervision orders");
        }

        var issue = await issues.GetAsync(issueId ?? throw new InvalidFieldException("issue_id", "is required when the dispatch centre issues an order"),
            false, cancellationToken);
        return issue.Facts.Path[0];
    }

    private V1.SupervisionOrder Order(OrgTreeSnapshot tree, SupervisionOrder order)
    {
        var message = new V1.SupervisionOrder
        {
            Id = order.Id,
            DistrictId = order.DistrictId,
            Target = IssueMapping.Owner(tree, order.Target),
            IssueId = order.IssueId ?? 0,
            Ground = (V1.SupervisionGround)order.Ground,
            Text = order.Text,
            IssuedAt = Timestamp.FromDateTimeOffset(order.IssuedAt),
            IssuedBy = order.IssuedBy,
            DueAt = Timestamp.FromDateTimeOffset(order.DueAt),
            AnsweredAt = order.AnsweredAt is { } answered ? Timestamp.FromDateTimeOffset(answered) : null,
            Answer = order.Answer,
            AnsweredBy = order.AnsweredBy,
            Late = order.IsLate(clock.GetUtcNow()),
        };
        message.CopyTo.AddRange(order.CopyTo);
        return message;
    }

    private static V1.MonthlyReportRow Row(MonthFigures r) => new()
    {
        UnitId = r.UnitId,
        DepartmentCode = r.DepartmentCode,
        Name = r.Name,
        Received = r.Received,
        ResolvedOnTime = r.ResolvedOnTime,
        Late = r.Late,
        Unresolved = r.Unresolved,
        RepliesOnTime = r.RepliesOnTime,
        RepliesOverdue = r.RepliesOverdue,
        ExplanationsMissing = r.ExplanationsMissing,
        Whistles = r.Whistles,
        ImproperWhistles = r.ImproperWhistles,
        LateReports = r.LateReports,
        NotReported = r.NotReported,
        SupervisionOrders = r.SupervisionOrders,
        Satisfied = r.Satisfied,
        BasicallySatisfied = r.BasicallySatisfied,
        Dissatisfied = r.Dissatisfied,
        SatisfactionRate = r.SatisfactionRate,
        Score = r.Score,
    };
}
