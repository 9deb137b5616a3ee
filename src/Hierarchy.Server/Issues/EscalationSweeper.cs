namespace Hierarchy.Server.Issues;

/// <summary>Escalates issues whose deadline passed, every interval; any number of replicas may run it at once.</summary>
public sealed partial class EscalationSweeper(IssueWorkflow workflow, ServerSettings settings, ILogger<EscalationSweeper> logger) : BackgroundService
{
    private const int Batch = 500;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.SweepInterval is not { } interval)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                var swept = await workflow.SweepAsync(Batch, stoppingToken);
                if (swept > 0)
                {
                    LogSwept(logger, swept);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; what was not committed is still due.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated {Count} issues whose deadline passed")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation sweep failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
