using Hierarchy.Grains.Announcements;
using Hierarchy.Storage;

namespace Hierarchy.Server.Replication;

/// <summary>
/// Tells every silo, through the announcer grain, that this silo committed something. Commits come thousands a second;
/// words go out one at a time and at most every <see cref="Spacing"/>, each covering every commit before it was sent.
/// </summary>
public sealed partial class CommitAnnouncements(StoreSet stores, IGrainFactory grains, ILogger<CommitAnnouncements> logger) : IHostedService
{
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(10);

    private int _pending;
    private int _sending;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        stores.Database.Committed += OnCommitted;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        stores.Database.Committed -= OnCommitted;
        return Task.CompletedTask;
    }

    private void OnCommitted(string channel)
    {
        Volatile.Write(ref _pending, 1);
        if (Interlocked.CompareExchange(ref _sending, 1, 0) == 0)
        {
            _ = SendAsync();
        }
    }

    private async Task SendAsync()
    {
        while (Interlocked.Exchange(ref _pending, 0) == 1)
        {
            try
            {
                await grains.GetGrain<ICommitAnnouncerGrain>(0).AnnounceAsync();
            }
            catch (Exception e)
            {
                // The commit stands; the other silos read it at their next poll of the feed.
                LogNotAnnounced(logger, e);
            }

            await Task.Delay(Spacing);
        }

        Volatile.Write(ref _sending, 0);
        // A commit that came in after the last check and before the flag dropped starts the next sender.
        if (Volatile.Read(ref _pending) == 1 && Interlocked.CompareExchange(ref _sending, 1, 0) == 0)
        {
            _ = SendAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce a commit to the other silos; they read it at their next poll")]
    private static partial void LogNotAnnounced(ILogger logger, Exception exception);
}
