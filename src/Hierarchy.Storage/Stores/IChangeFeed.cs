namespace Hierarchy.Storage.Stores;

/// <summary>The ordered log of changes replicas apply to their read models.</summary>
public interface IChangeFeed
{
    /// <summary>Gets the entries after <paramref name="position"/>, oldest first.</summary>
    Task<IReadOnlyList<ChangeEntry>> ReadAfterAsync(long position, int limit, CancellationToken cancellationToken);

    /// <summary>Gets the position of the newest entry; 0 when there is none.</summary>
    Task<long> LastPositionAsync(CancellationToken cancellationToken);
}

/// <summary>One change feed entry.</summary>
/// <param name="Position">Gets its position.</param>
/// <param name="Kind">Gets what changed.</param>
/// <param name="EntityId">Gets which entity.</param>
public readonly record struct ChangeEntry(long Position, ChangeKind Kind, long EntityId);
