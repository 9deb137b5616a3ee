using Grpc.Core;
using Hierarchy.Grains.Sweeps;
using Hierarchy.Grpc.Client;
using Hierarchy.Storage.Providers;
using Hierarchy.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Server.Tests.Issues;

/// <summary>Escalation on deadline runs in the cluster itself: sweeper grains on a timer, with nobody calling a sweep.</summary>
public sealed class SweeperGrainTests(SweepingWeiduServer weidu) : IClassFixture<SweepingWeiduServer>
{
    private readonly CallOptions _service = WeiduServer.As("service");

    [Fact]
    public async Task A_due_issue_is_escalated_by_the_sweeper_grains_with_nobody_calling_a_sweep()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var issues = weidu.Channel.Issues();
        var reported = await issues.ReportIssueAsync(
            new ReportIssueRequest { RequestId = "swept-by-grains", HouseholdId = 7, Category = "garbage", Channel = IssueChannel.GridApp, Description = "垃圾未清运" },
            _service).ResponseAsync;
        await issues.AcceptAsync(new IssueActionRequest { IssueId = reported.Issue.Id }, _service).ResponseAsync;
        var accepted = (await issues.GetIssueAsync(new GetIssueRequest { IssueId = reported.Issue.Id }, _service).ResponseAsync).Issue;
        // From the last event on: the watch replays whatever the sweepers commit before it is established.
        using var watch = issues.WatchIssues(
            new WatchIssuesRequest { UnitId = accepted.PlaceUnitId, AfterPosition = accepted.Events[^1].Position },
            _service.WithCancellationToken(timeout.Token));

        weidu.Clock.MoveTo(accepted.DueAt.ToDateTimeOffset());

        await foreach (var change in watch.ResponseStream.ReadAllAsync(timeout.Token))
        {
            if (change.Issue.Id == reported.Issue.Id && change.Event.Kind == IssueEventKind.EventEscalated)
            {
                Assert.Equal("sweeper", change.Event.Actor);
                Assert.Equal(1, change.Issue.ChainStep);
                return;
            }
        }

        Assert.Fail("the watch ended before the escalation");
    }

    [Fact]
    public async Task A_sweepers_record_of_what_it_moved_is_kept_in_the_sqlite_file()
    {
        var issues = weidu.Channel.Issues();
        var reported = await issues.ReportIssueAsync(
            new ReportIssueRequest { RequestId = "recorded-sweep", HouseholdId = 8, Category = "garbage", Channel = IssueChannel.GridApp, Description = "垃圾未清运" },
            _service).ResponseAsync;
        var accepted = await issues.AcceptAsync(new IssueActionRequest { IssueId = reported.Issue.Id }, _service).ResponseAsync;
        weidu.Clock.MoveTo(accepted.Issue.DueAt.ToDateTimeOffset());
        var sweeper = weidu.Server.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IEscalationSweeperGrain>(reported.Issue.Id % new EscalationSweepOptions().Partitions);

        // Its timer may have moved the issue first; either way the sweep that did has recorded it once this call returns.
        await sweeper.SweepNowAsync();

        Assert.True((await sweeper.GetRecordAsync()).TotalMoved >= 1);
        var database = new SqliteDatabase(weidu.Storage.ConnectionString);
        var stored = await database.RunAsync(
            c => Sql.ListAsync(c, null, "SELECT version, payload IS NOT NULL FROM orleans_grain_state WHERE grain_type = 'sweep'",
                r => (r.GetInt64(0), r.GetBoolean(1)), CancellationToken.None),
            CancellationToken.None);
        Assert.Contains(stored, row => row.Item1 >= 1 && row.Item2);
    }
}
