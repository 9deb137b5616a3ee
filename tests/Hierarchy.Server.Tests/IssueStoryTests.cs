using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests;

[Collection(TongzhouIssueServerCollection.Name)]
public sealed class IssueStoryTests(TongzhouIssueServer tongzhou)
{
    private readonly CallOptions _service = WeiduServer.As("service");

    [Fact]
    public async Task A_broken_elevator_at_a_building_group_is_resolved_the_same_day_and_rated()
    {
        var household = tongzhou.HouseholdIn("110112001006");
        var issue = await ReportAsync("elevator-" + household, household, "elevator", "3号楼电梯困人后停运");
        issue = await ActAsync(Issues.AcceptAsync, new IssueActionRequest { IssueId = issue.Id });

        Assert.Equal("BuildingGroup", issue.Owner.Level);
        Assert.Equal(tongzhou.Clock.GetUtcNow().AddHours(12), issue.DueAt.ToDateTimeOffset());

        issue = await ActAsync(Issues.StartWorkAsync, new IssueActionRequest { IssueId = issue.Id, ExpectedVersion = issue.Version });
        tongzhou.Clock.Advance(TimeSpan.FromHours(3));
        issue = await ActAsync(Issues.ResolveAsync, new ResolveIssueRequest { IssueId = issue.Id, Note = "更换曳引机制动器", ExpectedVersion = issue.Version });
        issue = await ActAsync(Issues.RateAsync, new RateRequest { IssueId = issue.Id, Rating = Satisfaction.Satisfied });

        var log = await tongzhou.Channel.Issues().GetIssueAsync(new GetIssueRequest { IssueId = issue.Id }, _service).ResponseAsync;
        Assert.Equal(IssueStatus.Closed, log.Issue.Status);
        Assert.Equal(
            [IssueEventKind.EventReported, IssueEventKind.EventAccepted, IssueEventKind.EventDispatched, IssueEventKind.EventStarted,
             IssueEventKind.EventResolved, IssueEventKind.EventRated],
            log.Issue.Events.Select(e => e.Kind));
        Assert.Equal(0, log.Issue.EscalationCount);
    }

    [Fact]
    public async Task Sewage_nobody_resolves_climbs_grid_community_street_then_the_water_department_one_event_per_step()
    {
        var household = tongzhou.HouseholdIn("110112001011");
        var issue = await ReportAsync("sewage-" + household, household, "sewage", "小区污水井冒水");
        issue = await ActAsync(Issues.AcceptAsync, new IssueActionRequest { IssueId = issue.Id });
        var owners = new List<string> { issue.Owner.Level };

        for (var step = 0; step < 3; step++)
        {
            tongzhou.Clock.MoveTo(issue.DueAt.ToDateTimeOffset());
            await tongzhou.Workflow.SweepAsync(100, CancellationToken.None);
            await tongzhou.Workflow.SweepAsync(100, CancellationToken.None);
            issue = (await tongzhou.Channel.Issues().GetIssueAsync(new GetIssueRequest { IssueId = issue.Id }, _service).ResponseAsync).Issue;
            owners.Add(issue.Owner.Level);
        }

        Assert.Equal(["Grid", "Community", "Street", "Department"], owners);
        Assert.Equal("water", issue.Owner.DepartmentCode);
        Assert.Equal(3, issue.Events.Count(e => e.Kind == IssueEventKind.EventEscalated));
        Assert.All(issue.Events.Where(e => e.Kind == IssueEventKind.EventEscalated), e => Assert.Equal("sweeper", e.Actor));
        Assert.Equal("Grid", issue.FirstReceiver.Level);
    }

    [Fact]
    public async Task A_dissatisfied_rating_reopens_the_issue_once_and_a_second_reopen_is_refused()
    {
        var household = tongzhou.HouseholdIn("110112001012");
        var issue = await ReportAsync("noise-" + household, household, "noise", "楼上装修夜间施工");
        issue = await ActAsync(Issues.AcceptAsync, new IssueActionRequest { IssueId = issue.Id });
        for (var round = 0; round < 2; round++)
        {
            issue = await ActAsync(Issues.StartWorkAsync, new IssueActionRequest { IssueId = issue.Id });
            issue = await ActAsync(Issues.ResolveAsync, new ResolveIssueRequest { IssueId = issue.Id, Note = "已协调" });
            issue = await ActAsync(Issues.RateAsync, new RateRequest { IssueId = issue.Id, Rating = Satisfaction.Dissatisfied });
            if (round == 0)
            {
                issue = await ActAsync(Issues.ReopenAsync, new ReopenRequest { IssueId = issue.Id, Reason = "夜间仍在施工" });
                Assert.Equal(IssueStatus.Dispatched, issue.Status);
            }
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => ActAsync(Issues.ReopenAsync, new ReopenRequest { IssueId = issue.Id, Reason = "还是吵" }));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("reopened once already", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_illegal_transition_is_a_failed_precondition_naming_both_states_and_changes_nothing()
    {
        var household = tongzhou.HouseholdIn("110112001016");
        var issue = await ReportAsync("garbage-" + household, household, "garbage", "垃圾桶满溢三天");
        issue = await ActAsync(Issues.AcceptAsync, new IssueActionRequest { IssueId = issue.Id });

        var error = await Assert.ThrowsAsync<RpcException>(() => ActAsync(Issues.RateAsync, new RateRequest { IssueId = issue.Id, Rating = Satisfaction.Satisfied }));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal($"cannot rate issue {issue.Id}: it is Dispatched, not Resolved", error.Status.Detail);
        var after = (await tongzhou.Channel.Issues().GetIssueAsync(new GetIssueRequest { IssueId = issue.Id }, _service).ResponseAsync).Issue;
        Assert.Equal(issue.Version, after.Version);
    }

    [Fact]
    public async Task Reporting_again_with_the_same_request_id_returns_the_first_issue()
    {
        var household = tongzhou.HouseholdIn("110112001017");

        var first = await ReportAsync("same-request", household, "parking", "消防通道被占");
        var again = await ReportAsync("same-request", household, "parking", "消防通道被占");

        Assert.Equal(first.Id, again.Id);
    }

    [Theory]
    [InlineData("", "描述", "request_id")]
    [InlineData("r-empty-description", "", "description")]
    public async Task A_report_missing_a_field_is_an_invalid_argument_naming_it(string requestId, string description, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Issues().ReportIssueAsync(new ReportIssueRequest { RequestId = requestId, HouseholdId = 1, Category = "sewage", Channel = IssueChannel.Hotline, Description = description },
            _service).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_without_a_channel_is_an_invalid_argument_naming_channel()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Issues().ReportIssueAsync(new ReportIssueRequest { RequestId = "no-channel", HouseholdId = 1, Category = "sewage", Description = "x" }, _service).ResponseAsync);

        Assert.StartsWith("channel", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_may_not_report_for_a_household_it_does_not_serve()
    {
        var household = tongzhou.HouseholdIn("110112001021");

        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Issues().ReportIssueAsync(new ReportIssueRequest { RequestId = "member-elsewhere", HouseholdId = household, Category = "noise", Channel = IssueChannel.WechatGroup, Description = "吵" },
            WeiduServer.As("member-1")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task A_watch_of_a_community_sees_a_new_report_and_resumes_after_the_last_position_it_saw()
    {
        var community = tongzhou.UnitId("110112001023");
        var household = tongzhou.HouseholdIn("110112001023");
        using var stop = new CancellationTokenSource();
        var watch = Issues.WatchIssues(new WatchIssuesRequest { UnitId = community }, _service.WithCancellationToken(stop.Token))
            .ResponseStream.ReadAllAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        var issue = await ReportAsync("watched-" + household, household, "water_supply", "停水");
        Assert.True(await watch.MoveNextAsync());
        var first = watch.Current;
        await ActAsync(Issues.AcceptAsync, new IssueActionRequest { IssueId = issue.Id });
        var resumed = Issues.WatchIssues(
                new WatchIssuesRequest { UnitId = community, AfterPosition = first.Event.Position }, _service.WithCancellationToken(stop.Token))
            .ResponseStream.ReadAllAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await resumed.MoveNextAsync());

        Assert.Equal((issue.Id, IssueEventKind.EventReported), (first.Issue.Id, first.Event.Kind));
        Assert.Equal((issue.Id, IssueEventKind.EventAccepted), (resumed.Current.Issue.Id, resumed.Current.Event.Kind));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(async () => await watch.MoveNextAsync());
        await Assert.ThrowsAnyAsync<Exception>(async () => await resumed.MoveNextAsync());
    }

    [Fact]
    public async Task A_members_household_list_counts_the_open_issues_of_each_household()
    {
        var household = tongzhou.HouseholdIn("110112001024");
        var member = tongzhou.Server.State.Households.MemberOf(household);
        await ReportAsync("open-count-" + household, household, "noise", "广场舞音量过大");

        var listed = await tongzhou.Channel.PartyMembers().ListHouseholdsAsync(new ListHouseholdsRequest { MemberId = member, PageSize = 10 }, _service).ResponseAsync;

        Assert.Equal(1, listed.Households.Single(h => h.Id == household).OpenIssueCount);
        Assert.All(listed.Households.Where(h => h.Id != household), h => Assert.Equal(0, h.OpenIssueCount));
    }

    private async Task<Issue> ReportAsync(string requestId, long household, string category, string description) =>
        (await tongzhou.Channel.Issues().ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = requestId,
            HouseholdId = household,
            Category = category,
            Channel = IssueChannel.Hotline,
            Description = description,
        }, _service).ResponseAsync).Issue;

    private IssueService.IssueServiceClient Issues => tongzhou.Channel.Issues();

    private async Task<Issue> ActAsync<TRequest>(Func<TRequest, CallOptions, AsyncUnaryCall<IssueReply>> method, TRequest request) =>
        (await method(request, _service)).Issue;
}
