using Hierarchy.Grains.Sweeps;

namespace Hierarchy.Server.Issues;

/// <summary>
/// Wakes every partition's sweeper grain once this silo serves. The cluster keeps one activation of each, wherever it lives;
/// their reminders bring them back after a silo dies, so waking them again from each silo that starts costs nothing.
/// </summary>
public sealed partial class EscalationSweepers(
    IGrainFactory grains, EscalationSweepOptions options, IHostApplicationLifetime lifetime, ILogger<EscalationSweepers> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Interval is null)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, options.Partitions).Select(p => grains.GetGrain<IEscalationSweeperGrain>(p).StartAsync()))
                .WaitAsync(stoppingToken);
            LogStarted(logger, options.Partitions, options.Interval.Value);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Sweepers already running elsewhere, or woken by their reminders, still sweep; this silo only failed to wake them.
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation sweepers running: {Partitions} partitions, every {Interval}")]
    private static partial void LogStarted(ILogger logger, int partitions, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake the escalation sweepers; their reminders will")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
