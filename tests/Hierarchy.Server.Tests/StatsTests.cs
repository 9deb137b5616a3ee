using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests;

[Collection(TongzhouIssueServerCollection.Name)]
public sealed class StatsTests(TongzhouIssueServer tongzhou)
{
    private const string Qunfangyuan = "110112121013";
    private const string Jingzhouyuan = "110112121008";
    private readonly CallOptions _service = WeiduServer.As("service");

    [Fact]
    public async Task The_figures_of_a_community_match_a_hand_computed_expectation_and_its_street_ranks_it_worst()
    {
        var start = tongzhou.Clock.GetUtcNow();
        var a = await ReportAsync(Qunfangyuan, 0, "elevator");
        var b = await ReportAsync(Qunfangyuan, 1, "elevator");
        var c = await ReportAsync(Qunfangyuan, 2, "garbage");
        await ReportAsync(Qunfangyuan, 3, "noise");
        await ReportAsync(Jingzhouyuan, 0, "noise");
        foreach (var id in new[] { a, b, c })
        {
            await Act(Issues.AcceptAsync, new IssueActionRequest { IssueId = id });
        }

        await Act(Issues.StartWorkAsync, new IssueActionRequest { IssueId = a });
        await Act(Issues.StartWorkAsync, new IssueActionRequest { IssueId = b });
        tongzhou.Clock.Advance(TimeSpan.FromHours(2));
        await Act(Issues.ResolveAsync, new ResolveIssueRequest { IssueId = a, Note = "修好" });
        await Act(Issues.RateAsync, new RateRequest { IssueId = a, Rating = Satisfaction.Satisfied });
        tongzhou.Clock.Advance(TimeSpan.FromHours(4));
        await Act(Issues.ResolveAsync, new ResolveIssueRequest { IssueId = b, Note = "修好" });
        await Act(Issues.RateAsync, new RateRequest { IssueId = b, Rating = Satisfaction.Dissatisfied });
        tongzhou.Clock.MoveTo(start.AddHours(24));
        await tongzhou.Workflow.SweepAsync(100, CancellationToken.None);

        var period = (From: Timestamp.FromDateTimeOffset(start.AddMinutes(-1)), To: Timestamp.FromDateTimeOffset(start.AddMinutes(1)));
        var stats = await tongzhou.Channel.Stats().GetUnitStatsAsync(new GetUnitStatsRequest { UnitCode = Qunfangyuan, From = period.From, To = period.To }, _service).ResponseAsync;

        Assert.Equal((4, 2, 0.5), (stats.Received, stats.Resolved, stats.ResolutionRate));
        Assert.Equal((2, 0.5), (stats.Rated, stats.SatisfactionRate));
        Assert.Equal((3, 0.75), (stats.Responded, stats.ResponseRate));
        Assert.Equal(2 * 3600, stats.MedianSecondsToResolve);
        Assert.Equal(1, stats.EscalationsByLevel["Grid"]);
        Assert.Equal(HouseholdsIn(Qunfangyuan), stats.Households);
        Assert.Equal(4000.0 / stats.Households, stats.ComplaintsPerThousandHouseholds, 6);

        var ranking = await tongzhou.Channel.Stats().RankChildrenAsync(new RankChildrenRequest { UnitCode = "110112121", From = period.From, To = period.To, By = RankBy.ComplaintVolume }, _service).ResponseAsync;
        Assert.Equal([Qunfangyuan, Jingzhouyuan], ranking.Children.Take(2).Select(u => u.Unit.Code));
        Assert.Equal(tongzhou.Tree.Units.Count(u => u.ParentId == tongzhou.UnitId("110112121")), ranking.Children.Count);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_an_invalid_argument_naming_to()
    {
        var now = Timestamp.FromDateTimeOffset(tongzhou.Clock.GetUtcNow());

        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Stats().GetUnitStatsAsync(new GetUnitStatsRequest { UnitCode = Qunfangyuan, From = now, To = now }, _service).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("to", error.Status.Detail, StringComparison.Ordinal);
    }

    private long HouseholdsIn(string communityCode)
    {
        var community = tongzhou.UnitId(communityCode);
        var grids = tongzhou.Tree.Units.Where(u => u.ParentId == community).Select(u => u.Id).ToHashSet();
        return tongzhou.Tree.Units.Where(u => u.Level == Domain.Organization.OrgLevel.BuildingGroup && grids.Contains(u.ParentId!.Value))
            .Sum(g => (long)tongzhou.Server.State.Households.CountIn(g.Id));
    }

    private async Task<long> ReportAsync(string community, int nth, string category) =>
        (await tongzhou.Channel.Issues().ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = $"stats-{community}-{nth}",
            HouseholdId = tongzhou.HouseholdIn(community, nth),
            Category = category,
            Channel = IssueChannel.Hotline,
            Description = "统计用诉求",
        }, _service).ResponseAsync).Issue.Id;

    private IssueService.IssueServiceClient Issues => tongzhou.Channel.Issues();

    private Task<IssueReply> Act<TRequest>(Func<TRequest, CallOptions, AsyncUnaryCall<IssueReply>> method, TRequest request) =>
        method(request, _service).ResponseAsync;
}
