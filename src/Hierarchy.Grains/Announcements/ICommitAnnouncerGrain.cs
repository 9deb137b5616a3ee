using Orleans.Concurrency;

namespace Hierarchy.Grains.Announcements;

/// <summary>Passes word of commits to every silo that listens; one in the cluster (key 0).</summary>
public interface ICommitAnnouncerGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or renews a silo's observer; one not renewed within <see cref="CommitAnnouncerGrain.Expiry"/> is dropped.</summary>
    Task SubscribeAsync(ICommitObserver observer);

    /// <summary>Tells every observer that something was committed.</summary>
    [OneWay]
    Task AnnounceAsync();
}
