using Hierarchy.Domain.Issues;
using Hierarchy.Grains.Issues;
using Hierarchy.Grains.Sweeps;
using Hierarchy.Storage.Providers;
using Hierarchy.Storage.Stores;
using Hierarchy.Testing;

namespace Hierarchy.Grains.Tests;

/// <summary>Escalation on deadline when a silo dies mid-sweep: claims lapse, grains come back elsewhere, each issue moves once.</summary>
public sealed class SweepUnderSiloLossTests
{
    private const int Issues = 1500;

    [PostgresFact]
    public async Task A_silo_killed_mid_sweep_leaves_every_due_issue_escalated_exactly_once()
    {
        await using var grains = await GrainTestCluster.StartAsync(3);
        await Parallel.ForAsync(1, Issues + 1, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (household, _) =>
        {
            var issue = await grains.ReportAsync(household, $"due-{household}");
            await grains.Client.GetGrain<IIssueGrain>(issue.Id).ActAsync(new IssueCommand(IssueAction.Accept, "service", issue.Version));
        });
        grains.Clock.Advance(TimeSpan.FromHours(25));
        var sweep = new DueIssueSweep(grains.Stores.Issues, grains.Client, grains.Clock);
        var firstBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var doomed = sweep.RunAsync(SweepPartition.All, 100, CancellationToken.None, new Reported(_ => firstBatch.TrySetResult()));
        await firstBatch.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await grains.Cluster.KillSiloAsync(grains.Cluster.Silos[1]);
        var swept = await SweepUntilDoneAsync(sweep, doomed, grains.Clock);

        Assert.True(swept > 0);
        await using var database = new PostgresDatabase(grains.ConnectionString);
        var escalations = await database.RunAsync(
            c => Sql.ListAsync(c, null, $"SELECT COUNT(*) FROM issue_events WHERE kind = {(int)IssueEventKind.Escalated} GROUP BY issue_id",
                r => r.GetInt64(0), CancellationToken.None),
            CancellationToken.None);
        Assert.Equal(Issues, escalations.Count);
        Assert.All(escalations, count => Assert.Equal(1, count));
    }

    // As the sweeper's timer does: what failed is tried again, once the dead silo's claims have lapsed.
    private static async Task<int> SweepUntilDoneAsync(DueIssueSweep sweep, Task<int> first, MovableClock clock)
    {
        try
        {
            return await first;
        }
        catch (Exception e) when (IsSiloLoss(e))
        {
            clock.Advance(DueIssueSweep.ClaimLease);
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            try
            {
                return await sweep.RunAsync(SweepPartition.All, 100, patience.Token);
            }
            catch (Exception e) when (IsSiloLoss(e) && !patience.IsCancellationRequested)
            {
                clock.Advance(DueIssueSweep.ClaimLease);
            }
        }
    }

    private static bool IsSiloLoss(Exception e) => e is Orleans.Runtime.OrleansMessageRejectionException or TimeoutException;

    /// <summary>Reports on the reporting thread, so the test acts before the next batch starts.</summary>
    private sealed class Reported(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
