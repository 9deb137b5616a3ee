using System.Threading.Channels;
using Hierarchy.Grains.Announcements;
using Hierarchy.Server.Issues;

namespace Hierarchy.Server.Replication;

/// <summary>
/// Keeps this silo coherent with what any silo commits: told of a commit through the cluster's announcer grain, or failing
/// that every <see cref="ServerSettings.FeedPollInterval"/>, it reads the change feed from where it stopped and wakes issue
/// watchers. A word that never arrives is never a lost change, only a later one.
/// </summary>
public sealed partial class ChangeListener(
    ChangeFeedFollower follower, IssueFeed issues, ServerSettings settings, IGrainFactory grains, IHostApplicationLifetime lifetime,
    ILogger<ChangeListener> logger) : BackgroundService, ICommitObserver
{
    // Well within the announcer's expiry, and soon enough to refill an announcer that came back empty on another silo.
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);

    private readonly Channel<bool> _heard = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <inheritdoc />
    public Task CommittedAsync()
    {
        _heard.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grains are called once the silo serves.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var self = grains.CreateObjectReference<ICommitObserver>(this);
        var renewDue = DateTime.MinValue;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (DateTime.UtcNow >= renewDue)
            {
                renewDue = DateTime.UtcNow + Renewal;
                await SubscribeAsync(self);
            }

            try
            {
                await follower.CatchUpAsync(stoppingToken);
                issues.Notify();
                backoff = TimeSpan.FromMilliseconds(100);
                var poll = follower.IsWaitingForLateCommit ? TimeSpan.FromSeconds(1) : settings.FeedPollInterval;
                await WaitForWordAsync(poll < Renewal ? poll : Renewal, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLost(logger, e, backoff.TotalMilliseconds);
                // A pause before reading again keeps a restarting database from being hammered.
                await WaitForWordAsync(backoff, stoppingToken);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
            }
        }
    }

    private async Task SubscribeAsync(ICommitObserver self)
    {
        try
        {
            await grains.GetGrain<ICommitAnnouncerGrain>(0).SubscribeAsync(self);
        }
        catch (Exception e)
        {
            // Until the next renewal this silo learns of other silos' commits by reading the feed on its own.
            LogNotSubscribed(logger, e);
        }
    }

    private async Task WaitForWordAsync(TimeSpan patience, CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        wait.CancelAfter(patience);
        try
        {
            await _heard.Reader.WaitToReadAsync(wait.Token);
            _heard.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Nobody told this silo of a commit in time: read the feed anyway.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the change feed; reading again in {DelayMs} ms")]
    private static partial void LogLost(ILogger logger, Exception exception, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to commit announcements; reading the feed on a timer until the next try")]
    private static partial void LogNotSubscribed(ILogger logger, Exception exception);
}
