using Hierarchy.Server.Issues;
using Hierarchy.Storage;
using Hierarchy.Storage.Providers;
using Hierarchy.Storage.Stores;
using Npgsql;

namespace Hierarchy.Server.Replication;

/// <summary>
/// Keeps a PostgreSQL replica coherent: LISTENs for change feed and issue news and catches up on each, and after every
/// reconnect, so a notification lost while the connection was down is never a lost change; issue watchers wake too.
/// On SQLite, which cannot notify, it polls the feed, so what the operator CLI writes to a running server's file is seen.
/// </summary>
public sealed partial class ChangeListener(
    StoreSet stores, ChangeFeedFollower follower, IssueFeed issues, ServerSettings settings, ILogger<ChangeListener> logger) : BackgroundService
{
    /// <summary>Gets the application name of the LISTEN connection, so an operator can find (or end) it.</summary>
    public string ApplicationName { get; } = $"hierarchy-listener-{settings.NodeName}";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (stores.Database is not PostgresDatabase postgres)
        {
            await PollAsync(stoppingToken);
            return;
        }

        postgres.AnnouncementFailed += OnAnnouncementFailed;
        try
        {
            await ListenAsync(postgres, stoppingToken);
        }
        finally
        {
            postgres.AnnouncementFailed -= OnAnnouncementFailed;
        }
    }

    private async Task ListenAsync(PostgresDatabase postgres, CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await postgres.OpenListenerAsync(ApplicationName, stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeFeed.Channel}; LISTEN {IssueStore.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                backoff = TimeSpan.FromMilliseconds(100);
                await CatchUpAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    // A periodic catch-up covers a lost notification, and comes sooner while a late commit holds the feed back.
                    await connection.WaitAsync(follower.IsWaitingForLateCommit ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10), stoppingToken);
                    await CatchUpAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLost(logger, e, backoff.TotalMilliseconds);
                // A pause before reconnecting keeps a restarting database from being hammered.
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
            }
        }
    }

    private void OnAnnouncementFailed(string channel, Exception exception) => LogAnnouncementFailed(logger, exception, channel);

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.SqlitePollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CatchUpAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A busy or briefly locked file is tried again at the next tick.
                    LogPollFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await follower.CatchUpAsync(cancellationToken);
        issues.Notify();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not NOTIFY {Channel} after a commit; other replicas see the change when they next catch up")]
    private static partial void LogAnnouncementFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the change feed from the SQLite file; trying again at the next poll")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the change feed connection; reconnecting in {DelayMs} ms and catching up")]
    private static partial void LogLost(ILogger logger, Exception exception, double delayMs);
}
