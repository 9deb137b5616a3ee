using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Supervision;

/// <summary>
/// 玉桥街道's November on a server of its own, three issues whose every figure is counted by hand below: the report must
/// match them row by row.
/// </summary>
public sealed class MonthlyReportTests(TongzhouIssueServer tongzhou) : IClassFixture<TongzhouIssueServer>
{
    private const string North = "110112004004";
    private const string South = "110112004006";
    private readonly CallOptions _service = WeiduServer.As("service");

    private IssueService.IssueServiceClient Issues => tongzhou.Channel.Issues();

    [Fact]
    public async Task A_streets_monthly_report_matches_the_hand_count_of_a_fixed_month()
    {
        var t0 = tongzhou.Clock.GetUtcNow();
        // A (玉桥北里): an elevator fixed, replied to and rated satisfied within the hour.
        var a = await AcceptedAsync("report-a", North, 0, "elevator", "电梯停运");
        await Issues.StartWorkAsync(new IssueActionRequest { IssueId = a }, _service);
        await Issues.ResolveAsync(new ResolveIssueRequest { IssueId = a, Note = "已修复" }, _service);
        await Issues.ReplyAsync(new ReplyRequest { IssueId = a, Text = "电梯已恢复运行" }, _service);
        await Issues.RateAsync(new RateRequest { IssueId = a, Rating = Satisfaction.Satisfied }, _service);
        // B (玉桥北里): sewage the grid lets pass its day; never replied to nor explained; the community fixes it the next day.
        var b = await AcceptedAsync("report-b", North, 1, "sewage", "污水井冒水");
        // C (玉桥南里): a street whistles for urban management with housing; housing never reports and gets a supervision order.
        var c = await AcceptedAsync("report-c", South, 0, "illegal_construction", "楼顶违建");
        await Issues.WhistleAsync(new WhistleRequest
        {
            IssueId = c,
            LeadDepartment = "urban_management",
            CooperatingDepartments = { "housing" },
            ReportWithinSeconds = 1800,
            Reason = "违建拆除",
        }, WeiduServer.As("yuqiao-admin"));
        tongzhou.Clock.Advance(TimeSpan.FromMinutes(10));
        await Issues.CheckInAsync(new CheckInRequest { IssueId = c, Note = "已到场" }, WeiduServer.As("urban-management"));
        await Issues.ExplainAsync(new ReplyRequest { IssueId = c, Text = "需执法程序，明日拆除" }, _service);
        await Issues.ReplyAsync(new ReplyRequest { IssueId = c, Text = "城管已受理" }, _service);
        tongzhou.Clock.MoveTo(t0.AddHours(25));
        await tongzhou.Workflow.SweepAsync(100, CancellationToken.None);
        await tongzhou.Channel.Supervision().IssueSupervisionOrderAsync(new IssueSupervisionOrderRequest
        {
            DepartmentCode = "housing",
            IssueId = c,
            Ground = SupervisionGround.NotReported,
            Text = "吹哨后未报到",
            CopyTo = { "区纪委监委" },
            DueAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(t0.AddDays(3)),
        }, WeiduServer.As("district-admin"));
        await ResolveAndRateAsync(c, Satisfaction.BasicallySatisfied);
        tongzhou.Clock.Advance(TimeSpan.FromHours(1));
        await ResolveAndRateAsync(b, Satisfaction.Dissatisfied);

        var report = await tongzhou.Channel.Supervision().GetMonthlyReportAsync(
            new GetMonthlyReportRequest { UnitCode = "110112004", Year = 2026, Month = 11 }, WeiduServer.As("yuqiao-admin"));

        var north = report.Units.Single(r => r.UnitId == tongzhou.UnitId(North));
        Assert.Equal(
            (2, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1, 0.5, 96.0),
            (north.Received, north.ResolvedOnTime, north.Late, north.Unresolved, north.RepliesOnTime, north.RepliesOverdue, north.ExplanationsMissing,
             north.Whistles, north.NotReported, north.SupervisionOrders, north.Satisfied, north.BasicallySatisfied, north.Dissatisfied,
             north.SatisfactionRate, north.Score));
        var south = report.Units.Single(r => r.UnitId == tongzhou.UnitId(South));
        Assert.Equal(
            (1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 1.0, 100.0),
            (south.Received, south.ResolvedOnTime, south.Late, south.RepliesOnTime, south.RepliesOverdue, south.ExplanationsMissing, south.Whistles,
             south.NotReported, south.ImproperWhistles, south.SupervisionOrders, south.BasicallySatisfied, south.SatisfactionRate, south.Score));
        Assert.All(report.Units.Where(r => r != north && r != south), r => Assert.Equal((0, 100.0), (r.Received, r.Score)));
        var housing = report.Departments.Single(r => r.DepartmentCode == "housing");
        Assert.Equal((1, 0, 1, 1, 0, 90.0), (housing.Whistles, housing.LateReports, housing.NotReported, housing.SupervisionOrders, housing.Received, housing.Score));
        var urban = report.Departments.Single(r => r.DepartmentCode == "urban_management");
        Assert.Equal((1, 0, 0, 0, 100.0), (urban.Whistles, urban.LateReports, urban.NotReported, urban.SupervisionOrders, urban.Score));
        Assert.Equal(["housing", "urban_management"], report.Departments.Select(r => r.DepartmentCode));
        Assert.Contains("\nunit,110112004004,玉桥北里社区居委会,2,1,1,0,1,1,1,0,0,0,0,0,1,0,1,0.5,96\n", report.Csv, StringComparison.Ordinal);
        Assert.Contains("\ndepartment,housing,区住房和城乡建设委员会,0,0,0,0,0,0,0,1,0,0,1,1,0,0,0,0,90\n", report.Csv, StringComparison.Ordinal);
    }

    private async Task<long> AcceptedAsync(string requestId, string community, int nth, string category, string description)
    {
        var issue = (await Issues.ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = requestId,
            HouseholdId = tongzhou.HouseholdIn(community, nth),
            Category = category,
            Channel = IssueChannel.Hotline,
            Description = description,
        }, _service)).Issue;
        await Issues.AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, _service);
        return issue.Id;
    }

    private async Task ResolveAndRateAsync(long issue, Satisfaction rating)
    {
        await Issues.StartWorkAsync(new IssueActionRequest { IssueId = issue }, _service);
        await Issues.ResolveAsync(new ResolveIssueRequest { IssueId = issue, Note = "已处理" }, _service);
        await Issues.RateAsync(new RateRequest { IssueId = issue, Rating = rating }, _service);
    }
}
