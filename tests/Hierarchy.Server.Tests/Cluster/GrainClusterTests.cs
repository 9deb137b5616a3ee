using System.Collections.Concurrent;
using Grpc.Core;
using Hierarchy.Grains.Sweeps;
using Hierarchy.Grpc.Client;
using Hierarchy.Storage.Providers;
using Hierarchy.Testing;
using Hierarchy.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Server.Tests.Cluster;

/// <summary>Grains across silos clustering through PostgreSQL: one activation per issue, durable reminders in our own tables.</summary>
public sealed class GrainClusterTests
{
    private static readonly CallOptions Service = Bearer.Options("service");

    [PostgresFact]
    public async Task The_same_step_asked_of_one_issue_through_two_silos_at_once_is_taken_once()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var reported = await ReportAsync(cluster, "twice-accepted", 11);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async node =>
        {
            try
            {
                await cluster.Channel(node).Issues().AcceptAsync(new IssueActionRequest { IssueId = reported.Issue.Id }, Service).ResponseAsync;
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.Equal([StatusCode.OK, StatusCode.FailedPrecondition], outcomes.Order());
        var log = await cluster.Channel(1).Issues().GetIssueAsync(new GetIssueRequest { IssueId = reported.Issue.Id }, Service).ResponseAsync;
        Assert.Single(log.Issue.Events, e => e.Kind == IssueEventKind.EventAccepted);
    }

    [PostgresFact]
    public async Task Each_sweep_partition_keeps_one_durable_reminder_that_every_query_of_the_reminder_table_reads_back()
    {
        await using var cluster = await TestCluster.StartAsync(1);
        var grains = cluster.Node(0).Services.GetRequiredService<IGrainFactory>();
        var sweepers = Enumerable.Range(0, 4).Select(p => grains.GetGrain<IEscalationSweeperGrain>(p)).ToList();

        await Task.WhenAll(sweepers.Select(s => s.StartAsync()));
        await Task.WhenAll(sweepers.Select(s => s.StartAsync()));

        var table = cluster.Node(0).Services.GetRequiredService<IReminderTable>();
        var ids = sweepers.Select(s => s.GetGrainId()).ToHashSet();
        var low = await table.ReadRows(0, int.MaxValue);
        var high = await table.ReadRows(int.MaxValue, 0);
        Assert.Equal(ids, low.Reminders.Concat(high.Reminders).Select(r => r.GrainId).ToHashSet());
        foreach (var id in ids)
        {
            var rows = await table.ReadRows(id);
            var row = await table.ReadRow(id, Assert.Single(rows.Reminders).ReminderName);
            Assert.NotNull(row);
            Assert.Equal((TimeSpan.FromMinutes(1), "1"), (row.Period, row.ETag));
        }
    }

    [PostgresFact]
    public async Task A_sweepers_record_outlives_the_silo_it_ran_on()
    {
        await using var cluster = await TestCluster.StartAsync(1);
        var reported = await ReportAsync(cluster, "recorded-sweep", 12);
        var accepted = await cluster.Channel(0).Issues().AcceptAsync(new IssueActionRequest { IssueId = reported.Issue.Id }, Service).ResponseAsync;
        cluster.Clock.MoveTo(accepted.Issue.DueAt.ToDateTimeOffset());
        var partition = reported.Issue.Id % new EscalationSweepOptions().Partitions;
        Assert.Equal(1, await Sweeper(cluster, partition).SweepNowAsync());

        await cluster.KillAsync(0);
        await cluster.RestartAsync(0);

        var record = await Sweeper(cluster, partition).GetRecordAsync();
        Assert.Equal((1, 1L, cluster.Clock.GetUtcNow()), (record.LastMoved, record.TotalMoved, record.LastMovedAt));
    }

    [PostgresFact]
    public async Task A_silo_killed_while_issue_steps_are_in_flight_loses_no_acknowledged_step_and_its_issues_carry_on_on_the_other()
    {
        const int Count = 1000;
        await using var cluster = await TestCluster.StartAsync(2);
        // Accepted through node 0, so the issues' grains live there.
        var accepted = new IssueReply[Count];
        await Parallel.ForAsync(0, Count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var reported = await ReportAsync(cluster, $"in-flight-{i}", 100 + i);
            accepted[i] = await cluster.Channel(0).Issues().AcceptAsync(new IssueActionRequest { IssueId = reported.Issue.Id }, Service).ResponseAsync;
        });
        var acknowledged = new ConcurrentBag<long>();
        var someAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var outcomes = new ConcurrentBag<StatusCode>();
        // The second half waits for the kill, so some steps surely meet the dead silo however fast the first half goes.
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var steps = Parallel.ForEachAsync(accepted.Index(), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (item, cancellationToken) =>
        {
            var (index, reply) = item;
            if (index >= Count / 2)
            {
                await killed.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
            }

            var status = await TryStartWorkAsync(cluster, reply.Issue);
            outcomes.Add(status);
            if (status == StatusCode.OK)
            {
                acknowledged.Add(reply.Issue.Id);
                if (acknowledged.Count >= Count / 10)
                {
                    someAcknowledged.TrySetResult();
                }
            }
        });
        await someAcknowledged.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cluster.KillAsync(0);
        killed.TrySetResult();
        await steps.WaitAsync(TimeSpan.FromSeconds(120));

        Assert.All(outcomes, o => Assert.Contains(o, new[] { StatusCode.OK, StatusCode.Unavailable }));
        Assert.Contains(StatusCode.Unavailable, outcomes);
        foreach (var reply in accepted.Where(r => !acknowledged.Contains(r.Issue.Id)))
        {
            // A step whose answer was lost may have committed: retried with the version read, it is refused, not taken twice.
            var status = StatusCode.Unavailable;
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (status == StatusCode.Unavailable && !patience.IsCancellationRequested)
            {
                status = await TryStartWorkAsync(cluster, reply.Issue);
            }

            Assert.Contains(status, new[] { StatusCode.OK, StatusCode.Aborted });
        }

        await using var database = new PostgresDatabase(cluster.ConnectionString);
        var started = await database.RunAsync(
            c => Sql.ListAsync(c, null, $"SELECT issue_id, COUNT(*) FROM issue_events WHERE kind = {(int)Domain.Issues.IssueEventKind.Started} GROUP BY issue_id",
                r => (r.GetInt64(0), r.GetInt64(1)), CancellationToken.None),
            CancellationToken.None);
        Assert.Equal(accepted.Select(r => r.Issue.Id).Order(), started.Select(s => s.Item1).Order());
        Assert.All(started, s => Assert.Equal(1, s.Item2));
    }

    [PostgresFact]
    public async Task A_change_made_through_one_silo_reaches_the_others_by_word_of_the_announcer_without_waiting_for_their_poll()
    {
        await using var cluster = await TestCluster.StartAsync(3, configure: s => s with { FeedPollInterval = TimeSpan.FromHours(1) });
        var household = cluster.Node(0).State.Members.Get(5)!.Households[^1];

        var unlinked = await cluster.Channel(0).PartyMembers().UnlinkHouseholdAsync(
            new UnlinkHouseholdRequest { MemberId = 5, HouseholdId = household }, Bearer.Options("admin")).ResponseAsync;

        foreach (var node in new[] { 1, 2 })
        {
            await cluster.WaitForPositionAsync(node, unlinked.ConsistencyToken, TimeSpan.FromSeconds(30));
            Assert.Equal(0, cluster.Node(node).State.Households.MemberOf(household));
        }
    }

    private static async Task<StatusCode> TryStartWorkAsync(TestCluster cluster, Issue issue)
    {
        try
        {
            await cluster.Channel(1).Issues().StartWorkAsync(new IssueActionRequest { IssueId = issue.Id, ExpectedVersion = issue.Version }, Service).ResponseAsync;
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static Task<IssueReply> ReportAsync(TestCluster cluster, string requestId, long household) => cluster.Channel(0).Issues().ReportIssueAsync(
        new ReportIssueRequest { RequestId = requestId, HouseholdId = household, Category = "garbage", Channel = IssueChannel.Hotline, Description = "垃圾" },
        Service).ResponseAsync;

    private static IEscalationSweeperGrain Sweeper(TestCluster cluster, long partition) =>
        cluster.Node(0).Services.GetRequiredService<IGrainFactory>().GetGrain<IEscalationSweeperGrain>(partition);
}
