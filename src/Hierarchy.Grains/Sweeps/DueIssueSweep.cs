using Hierarchy.Grains.Issues;
using Hierarchy.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Grains.Sweeps;

/// <summary>
/// Escalation on deadline: claims a batch of due issues of one partition, asks each issue's grain to escalate, and goes on
/// until none is due. The claim keeps other sweepers off the batch; the issue grain's version check makes each escalation
/// happen once even when claims lapse and a batch is claimed again after a silo died.
/// </summary>
public sealed class DueIssueSweep(IIssueStore issues, IGrainFactory grains, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
{
    /// <summary>Gets how long a claim keeps other sweepers off an issue; a sweeper that died is taken over after this.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(30);

    // Escalations wait on shared commits (GroupCommit), so many in flight fill each disk flush.
    private const int Parallelism = 256;

    /// <summary>Sweeps a partition until nothing in it is due; returns how many issues moved.</summary>
    /// <param name="partition">The share of issues to sweep.</param>
    /// <param name="batch">How many issues one claim takes.</param>
    /// <param name="cancellationToken">Stops between issues; what was claimed and not reached lapses.</param>
    /// <param name="committed">Told the running total after each batch.</param>
    public async Task<int> RunAsync(SweepPartition partition, int batch, CancellationToken cancellationToken, IProgress<int>? committed = null)
    {
        var total = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            var claimed = await issues.ClaimDueAsync(now, now + ClaimLease, partition, batch, cancellationToken);
            var moved = 0;
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (id, _) =>
                {
                    if (await grains.GetGrain<IIssueGrain>(id).EscalateIfDueAsync())
                    {
                        Interlocked.Increment(ref moved);
                    }
                });
            total += moved;
            committed?.Report(total);
            if (claimed.Count < batch)
            {
                return total;
            }
        }
    }
}
