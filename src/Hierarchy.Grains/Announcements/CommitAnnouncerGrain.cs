using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Hierarchy.Grains.Announcements;

/// <summary>
/// Fans word of a commit out to every silo. It holds nothing durable: when its silo dies it comes back empty elsewhere and
/// the silos' next renewal fills it again; a word lost meanwhile is covered by each silo's own periodic read of the feed.
/// </summary>
public sealed class CommitAnnouncerGrain(ILogger<CommitAnnouncerGrain> logger) : Grain, ICommitAnnouncerGrain
{
    /// <summary>Gets how long an observer is kept without renewal; silos renew well within it.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<ICommitObserver> _observers = new(Expiry, logger);

    /// <inheritdoc />
    public Task SubscribeAsync(ICommitObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AnnounceAsync() => _observers.Notify(o => o.CommittedAsync());
}
