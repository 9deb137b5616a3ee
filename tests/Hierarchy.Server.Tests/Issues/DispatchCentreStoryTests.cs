using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Issues;

/// <summary>接诉即办 as the people run it: the dispatch centre confirms owners and transfers by hand, departments act, whistles call them in.</summary>
[Collection(TongzhouIssueServerCollection.Name)]
public sealed class DispatchCentreStoryTests(TongzhouIssueServer tongzhou)
{
    private readonly CallOptions _service = WeiduServer.As("service");
    private readonly CallOptions _dispatcher = WeiduServer.As("dispatcher");
    private readonly CallOptions _urban = WeiduServer.As("urban-management");
    private readonly CallOptions _housing = WeiduServer.As("housing");

    private IssueService.IssueServiceClient Issues => tongzhou.Channel.Issues();

    [Fact]
    public async Task An_issue_without_a_category_waits_in_the_dispatch_queue_is_transferred_by_hand_and_resolved_by_the_department()
    {
        var household = tongzhou.HouseholdIn("110112002001");
        var issue = await ReportAsync("no-category-" + household, household, string.Empty, "小区门口有人私搭乱建，不知道找谁");
        issue = (await Issues.AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, _dispatcher)).Issue;

        Assert.Equal(("DispatchCentre", "dispatch_centre"), (issue.Owner.Level, issue.Owner.DepartmentCode));
        var queue = await Issues.ListIssuesAsync(new ListIssuesRequest { DispatchCentre = true }, _dispatcher);
        Assert.Contains(queue.Issues, i => i.Id == issue.Id);

        issue = (await Issues.TransferAsync(new TransferRequest
        {
            IssueId = issue.Id,
            ExpectedVersion = issue.Version,
            Category = "illegal_construction",
            DepartmentCode = "urban_management",
            Reason = "确权：违法建设属城管执法",
        }, _dispatcher)).Issue;

        Assert.Equal(("Department", "urban_management", "illegal_construction"), (issue.Owner.Level, issue.Owner.DepartmentCode, issue.Category));
        Assert.Equal("DispatchCentre", issue.FirstReceiver.Level);
        var mine = await Issues.ListIssuesAsync(new ListIssuesRequest { DepartmentCode = "urban_management" }, _urban);
        Assert.Contains(mine.Issues, i => i.Id == issue.Id);
        issue = (await Issues.StartWorkAsync(new IssueActionRequest { IssueId = issue.Id }, _urban)).Issue;
        issue = (await Issues.ResolveAsync(new ResolveIssueRequest { IssueId = issue.Id, Note = "已拆除" }, _urban)).Issue;
        Assert.Equal(IssueStatus.Resolved, issue.Status);
        var log = (await Issues.GetIssueAsync(new GetIssueRequest { IssueId = issue.Id }, _service)).Issue;
        var transfer = Assert.Single(log.Events, e => e.Kind == IssueEventKind.EventTransferred);
        Assert.Equal(("dispatcher", "illegal_construction", "确权：违法建设属城管执法"), (transfer.Actor, transfer.Category, transfer.Reason));
        Assert.Equal("department:urban_management", log.Events.Single(e => e.Kind == IssueEventKind.EventResolved).Actor);
    }

    [Fact]
    public async Task Another_department_may_not_act_on_a_departments_issue_and_nothing_changes()
    {
        var household = tongzhou.HouseholdIn("110112002001", nth: 1);
        var issue = await ReportAsync("other-department-" + household, household, string.Empty, "楼道堆物");
        issue = (await Issues.AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, _dispatcher)).Issue;
        issue = (await Issues.TransferAsync(new TransferRequest
        {
            IssueId = issue.Id,
            Category = "garbage",
            DepartmentCode = "urban_management",
            Reason = "垃圾清运归城管",
        }, _dispatcher)).Issue;

        var error = await Assert.ThrowsAsync<RpcException>(() => Issues.StartWorkAsync(new IssueActionRequest { IssueId = issue.Id }, _housing).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(issue.Version, (await Issues.GetIssueAsync(new GetIssueRequest { IssueId = issue.Id }, _service)).Issue.Version);
    }

    [Fact]
    public async Task A_department_hands_back_what_is_not_its_job_and_the_centre_transfers_it_to_the_community()
    {
        var household = tongzhou.HouseholdIn("110112002009");
        var community = tongzhou.UnitId("110112002009");
        var issue = await ReportAsync("hand-back-" + household, household, string.Empty, "物业不给修门禁");
        issue = (await Issues.AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, _dispatcher)).Issue;
        issue = (await Issues.TransferAsync(new TransferRequest
        {
            IssueId = issue.Id,
            Category = "property_management",
            DepartmentCode = "urban_management",
            Reason = "先派城管",
        }, _dispatcher)).Issue;

        issue = (await Issues.HandBackAsync(new HandBackRequest { IssueId = issue.Id, Reason = "物业服务不归城管" }, _urban)).Issue;
        Assert.Equal("DispatchCentre", issue.Owner.Level);
        issue = (await Issues.TransferAsync(new TransferRequest
        {
            IssueId = issue.Id,
            UnitCode = "110112002009",
            Reason = "属地：社区督促物业",
        }, _dispatcher)).Issue;

        Assert.Equal((community, "Community", "property_management"), (issue.Owner.UnitId, issue.Owner.Level, issue.Category));
        Assert.Equal(["Community", "Street", "Department", "District"], issue.EscalationChain.Select(o => o.Level));
    }

    [Fact]
    public async Task A_street_whistles_for_urban_management_with_housing_and_housing_that_does_not_report_stays_late()
    {
        var household = tongzhou.HouseholdIn("110112002018");
        var issue = await ReportAsync("whistle-" + household, household, "illegal_construction", "顶楼加盖彩钢房");
        issue = (await Issues.AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, _service)).Issue;

        issue = (await Issues.WhistleAsync(new WhistleRequest
        {
            IssueId = issue.Id,
            LeadDepartment = "urban_management",
            CooperatingDepartments = { "housing" },
            ReportWithinSeconds = 1800,
            Reason = "违建需城管执法、住建配合",
        }, WeiduServer.As("street-admin"))).Issue;
        tongzhou.Clock.Advance(TimeSpan.FromMinutes(10));
        issue = (await Issues.CheckInAsync(new CheckInRequest { IssueId = issue.Id, Note = "执法队已到场" }, _urban)).Issue;
        tongzhou.Clock.Advance(TimeSpan.FromMinutes(30));

        var urban = issue.Summons.Single(s => s.DepartmentCode == "urban_management");
        var housing = issue.Summons.Single(s => s.DepartmentCode == "housing");
        Assert.True(urban.Lead);
        Assert.True(urban.CheckedInAt.ToDateTimeOffset() <= urban.DueAt.ToDateTimeOffset());
        Assert.False(housing.Lead);
        Assert.Null(housing.CheckedInAt);
        Assert.True(tongzhou.Clock.GetUtcNow() > housing.DueAt.ToDateTimeOffset());
        var called = await Issues.ListIssuesAsync(new ListIssuesRequest { DepartmentCode = "housing" }, _housing);
        Assert.Contains(called.Issues, i => i.Id == issue.Id);
    }

    [Fact]
    public async Task A_community_admin_may_not_whistle_where_the_city_lets_streets_and_nothing_changes()
    {
        var household = tongzhou.HouseholdIn("110112002019");
        var issue = await ReportAsync("community-whistle-" + household, household, "illegal_construction", "违建");
        issue = (await Issues.AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, _service)).Issue;

        var error = await Assert.ThrowsAsync<RpcException>(() => Issues.WhistleAsync(
            new WhistleRequest { IssueId = issue.Id, Reason = "想叫城管" }, WeiduServer.As("community-admin")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("street admins", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(issue.Version, (await Issues.GetIssueAsync(new GetIssueRequest { IssueId = issue.Id }, _service)).Issue.Version);
    }

    [Theory]
    [InlineData("lead", "lead_department")]
    [InlineData("cooperating", "cooperating_departments")]
    [InlineData("transfer", "department_code")]
    public async Task An_unknown_department_is_an_invalid_argument_naming_the_field_and_nothing_changes(string where, string field)
    {
        var household = tongzhou.HouseholdIn("110112002020");
        var issue = await ReportAsync($"unknown-department-{where}-{household}", household, "illegal_construction", "违建");
        issue = (await Issues.AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, _service)).Issue;

        var error = await Assert.ThrowsAsync<RpcException>(() => where == "transfer"
            ? Issues.TransferAsync(new TransferRequest { IssueId = issue.Id, DepartmentCode = "ufo_bureau", Reason = "转" }, _dispatcher).ResponseAsync
            : Issues.WhistleAsync(new WhistleRequest
            {
                IssueId = issue.Id,
                LeadDepartment = where == "lead" ? "ufo_bureau" : "urban_management",
                CooperatingDepartments = { where == "lead" ? "housing" : "ufo_bureau" },
                Reason = "吹哨",
            }, WeiduServer.As("street-admin")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("'ufo_bureau'", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(issue.Version, (await Issues.GetIssueAsync(new GetIssueRequest { IssueId = issue.Id }, _service)).Issue.Version);
    }

    [Fact]
    public async Task Replies_and_explanations_are_recorded_once_with_their_deadlines()
    {
        var household = tongzhou.HouseholdIn("110112002021");
        var issue = await ReportAsync("reply-" + household, household, "heating", "暖气不热");
        issue = (await Issues.AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, _service)).Issue;

        issue = (await Issues.ExplainAsync(new ReplyRequest { IssueId = issue.Id, Text = "换热站检修，明天恢复" }, _service)).Issue;
        issue = (await Issues.ReplyAsync(new ReplyRequest { IssueId = issue.Id, Text = "已联系热力公司" }, _service)).Issue;

        Assert.Equal(issue.ReportedAt.ToDateTimeOffset().AddDays(1), issue.ReplyDueAt.ToDateTimeOffset());
        Assert.NotNull(issue.ExplainedAt);
        Assert.NotNull(issue.RepliedAt);
        Assert.Equal(TimeSpan.Zero, issue.ExplainBy.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).TimeOfDay);
    }

    private async Task<Issue> ReportAsync(string requestId, long household, string category, string description) =>
        (await Issues.ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = requestId,
            HouseholdId = household,
            Category = category,
            Channel = IssueChannel.Hotline,
            Description = description,
        }, _service)).Issue;
}
