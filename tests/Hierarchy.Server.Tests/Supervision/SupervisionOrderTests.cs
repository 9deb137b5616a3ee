using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Supervision;

/// <summary>督办单 and the overdue list on 新华街道's issues, on a server of its own with a clock the stories move.</summary>
public sealed class SupervisionOrderTests(TongzhouIssueServer tongzhou) : IClassFixture<TongzhouIssueServer>
{
    private readonly CallOptions _service = WeiduServer.As("service");
    private readonly CallOptions _district = WeiduServer.As("district-admin");
    private readonly CallOptions _housing = WeiduServer.As("housing");

    private IssueService.IssueServiceClient Issues => tongzhou.Channel.Issues();

    private SupervisionService.SupervisionServiceClient Supervision => tongzhou.Channel.Supervision();

    [Fact]
    public async Task A_department_answers_its_order_after_the_due_date_and_the_order_stays_late()
    {
        var issue = await WhistledAsync("late-answer", 0);
        var order = await Supervision.IssueSupervisionOrderAsync(Order(issue, "housing", TimeSpan.FromHours(4)), _district);
        tongzhou.Clock.Advance(TimeSpan.FromHours(5));

        var answered = await Supervision.AnswerSupervisionOrderAsync(new AnswerSupervisionOrderRequest { OrderId = order.Id, Answer = "已补报到并整改" }, _housing);

        Assert.Equal(("department:housing", "已补报到并整改", true), (answered.AnsweredBy, answered.Answer, answered.Late));
        Assert.Equal(["区纪委监委"], answered.CopyTo);
        var listed = await Supervision.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest(), _housing);
        Assert.Contains(listed.Orders, o => o.Id == order.Id && o.AnsweredAt is not null);
    }

    [Fact]
    public async Task Another_department_may_not_answer_an_order_and_nothing_changes()
    {
        var issue = await WhistledAsync("wrong-answerer", 1);
        var order = await Supervision.IssueSupervisionOrderAsync(Order(issue, "housing", TimeSpan.FromDays(1)), _district);

        var error = await Assert.ThrowsAsync<RpcException>(() => Supervision.AnswerSupervisionOrderAsync(
            new AnswerSupervisionOrderRequest { OrderId = order.Id, Answer = "代答" }, WeiduServer.As("urban-management")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var listed = await Supervision.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest(), _housing);
        Assert.Null(listed.Orders.Single(o => o.Id == order.Id).AnsweredAt);
    }

    [Theory]
    [InlineData("street-admin", "housing", StatusCode.PermissionDenied, "for admins of a district")]
    [InlineData("district-admin", "ufo_bureau", StatusCode.InvalidArgument, "department_code: 'ufo_bureau'")]
    public async Task An_order_from_a_caller_without_the_right_or_to_an_unknown_department_is_refused(
        string token, string department, StatusCode status, string message)
    {
        var issue = await WhistledAsync("refused-order-" + token, 2);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Supervision.IssueSupervisionOrderAsync(Order(issue, department, TimeSpan.FromDays(1)), WeiduServer.As(token)).ResponseAsync);

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(message, error.Status.Detail, StringComparison.Ordinal);
        var listed = await Supervision.ListSupervisionOrdersAsync(new ListSupervisionOrdersRequest(), _service);
        Assert.DoesNotContain(listed.Orders, o => o.IssueId == issue);
    }

    [Fact]
    public async Task The_overdue_list_names_a_missing_reply_and_a_department_that_has_not_reported()
    {
        var issue = await WhistledAsync("overdue", 3);
        tongzhou.Clock.Advance(TimeSpan.FromDays(2));

        var street = await Supervision.ListOverdueAsync(new ListOverdueRequest { UnitCode = "110112002" }, WeiduServer.As("street-admin"));
        var housing = await Supervision.ListOverdueAsync(new ListOverdueRequest { DepartmentCode = "housing" }, _housing);

        var listed = street.Issues.Single(i => i.Issue.Id == issue);
        Assert.Contains("reply", listed.Overdue);
        Assert.Contains("explanation", listed.Overdue);
        Assert.Contains("report:housing", listed.Overdue);
        Assert.Contains("report:urban_management", listed.Overdue);
        Assert.Contains(housing.Issues, i => i.Issue.Id == issue);
    }

    [Fact]
    public async Task A_district_rules_a_whistle_improper_once_and_a_second_ruling_is_refused()
    {
        var issue = await WhistledAsync("improper", 4);

        var ruled = (await Issues.RuleWhistleImproperAsync(new RuleWhistleImproperRequest { IssueId = issue, Reason = "社区可自行处置" }, _district)).Issue;
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Issues.RuleWhistleImproperAsync(new RuleWhistleImproperRequest { IssueId = issue, Reason = "再次" }, _district).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var log = (await Issues.GetIssueAsync(new GetIssueRequest { IssueId = issue }, _service)).Issue;
        Assert.Single(log.Events, e => e.Kind == IssueEventKind.EventWhistleRuledImproper);
        Assert.Equal(ruled.Version, log.Version);
    }

    private IssueSupervisionOrderRequest Order(long issue, string department, TimeSpan within) => new()
    {
        DepartmentCode = department,
        IssueId = issue,
        Ground = SupervisionGround.NotReported,
        Text = "吹哨后未报到",
        CopyTo = { "区纪委监委" },
        DueAt = Timestamp.FromDateTimeOffset(tongzhou.Clock.GetUtcNow() + within),
    };

    // An illegal construction in 天桥湾社区, accepted, on which 新华街道 called urban management and housing to report within half an hour.
    private async Task<long> WhistledAsync(string requestId, int nth)
    {
        var issue = (await Issues.ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = requestId,
            HouseholdId = tongzhou.HouseholdIn("110112002001", nth),
            Category = "illegal_construction",
            Channel = IssueChannel.Hotline,
            Description = "楼顶违建",
        }, _service)).Issue;
        await Issues.AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, _service);
        await Issues.WhistleAsync(new WhistleRequest
        {
            IssueId = issue.Id,
            LeadDepartment = "urban_management",
            CooperatingDepartments = { "housing" },
            ReportWithinSeconds = 1800,
            Reason = "违建拆除",
        }, WeiduServer.As("street-admin"));
        return issue.Id;
    }
}
