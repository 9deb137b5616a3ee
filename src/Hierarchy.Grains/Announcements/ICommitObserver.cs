using Orleans.Concurrency;

namespace Hierarchy.Grains.Announcements;

/// <summary>A silo's ear for commits made anywhere in the cluster: it then reads the change feed and the issue log from where it stopped.</summary>
public interface ICommitObserver : IGrainObserver
{
    /// <summary>Something was committed; what, the silo reads from the database in commit order.</summary>
    [OneWay]
    Task CommittedAsync();
}
