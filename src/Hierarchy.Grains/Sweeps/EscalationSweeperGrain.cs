using Hierarchy.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Grains.Sweeps;

/// <summary>
/// Sweeps one partition of the issues on a timer while active. A reminder, the one durable thing it owns, brings it back on
/// another silo within a reminder period when its silo dies; there is no reminder per issue (there can be millions, and
/// reminders are periodic with a one-minute floor).
/// </summary>
public sealed partial class EscalationSweeperGrain(
    DueIssueSweep sweep,
    EscalationSweepOptions options,
    [PersistentState("sweep", GrainStorage.Name)] IPersistentState<SweepRecord> record,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    ILogger<EscalationSweeperGrain> logger)
    : Grain, IEscalationSweeperGrain, IRemindable
{
    private const string Reminder = "keep-sweeping";

    private SweepPartition Partition => new((int)this.GetPrimaryKeyLong(), options.Partitions);

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (options.Interval is { } interval)
        {
            this.RegisterGrainTimer(SweepOnTimerAsync, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StartAsync() =>
        await this.RegisterOrUpdateReminder(Reminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

    /// <inheritdoc />
    public async Task<int> SweepNowAsync()
    {
        var moved = await sweep.RunAsync(Partition, options.Batch, CancellationToken.None);
        await RecordAsync(moved);
        return moved;
    }

    /// <inheritdoc />
    public Task<SweepRecord> GetRecordAsync() => Task.FromResult(record.State);

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task SweepOnTimerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var swept = await sweep.RunAsync(Partition, options.Batch, cancellationToken);
            if (swept > 0)
            {
                LogSwept(logger, swept, Partition.Index);
            }

            await RecordAsync(swept);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next tick tries again; what was claimed and not escalated lapses and is claimed again.
            LogFailed(logger, e, Partition.Index);
        }
    }

    private async Task RecordAsync(int moved)
    {
        if (moved == 0)
        {
            return;
        }

        (record.State.LastMovedAt, record.State.LastMoved) = (clock.GetUtcNow(), moved);
        record.State.TotalMoved += moved;
        await record.WriteStateAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated {Count} issues whose deadline passed (sweep partition {Partition})")]
    private static partial void LogSwept(ILogger logger, int count, int partition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation sweep of partition {Partition} failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception, int partition);
}
