namespace Hierarchy.Storage.Stores;

/// <summary>The ordered log of changes replicas apply to their read models.</summary>
public interface IChangeFeed
{
    /// <summary>Gets the entries after <paramref name="position"/>, oldest first, with where the database's transactions stood.</summary>
    Task<ChangeFeedPage> ReadAfterAsync(long position, int limit, CancellationToken cancellationToken);

    /// <summary>Gets the position of the newest entry; 0 when there is none.</summary>
    Task<long> LastPositionAsync(CancellationToken cancellationToken);
}

/// <summary>One change feed entry.</summary>
/// <param name="Position">Gets its position.</param>
/// <param name="Kind">Gets what changed.</param>
/// <param name="EntityId">Gets which entity.</param>
public readonly record struct ChangeEntry(long Position, ChangeKind Kind, long EntityId);

/// <summary>Entries read from the feed, and what the database said of its transactions in the same statement.</summary>
/// <param name="Entries">Gets the entries, oldest first.</param>
/// <param name="Transactions">Gets where transactions stood when the entries were read.</param>
public sealed record ChangeFeedPage(IReadOnlyList<ChangeEntry> Entries, TransactionHorizon Transactions);

/// <summary>Where the database's transactions stood at a read.</summary>
/// <param name="EndedBelow">Gets the transaction id below which every transaction has ended (PostgreSQL's snapshot xmin).</param>
/// <param name="StartedBelow">Gets the transaction id below which every transaction that has begun lies (the snapshot xmax).</param>
public readonly record struct TransactionHorizon(long EndedBelow, long StartedBelow)
{
    /// <summary>Gets the horizon of an engine with one writer at a time, where commit order is position order.</summary>
    public static TransactionHorizon SingleWriter { get; } = new(long.MaxValue, 0);

    /// <summary>Gets the select-list tail that reads the horizon from the statement's own snapshot; empty on SQLite.</summary>
    internal static string Columns(Providers.Database database) => database.Dialect == "postgres"
        ? ", pg_snapshot_xmin(pg_current_snapshot())::text::bigint, pg_snapshot_xmax(pg_current_snapshot())::text::bigint"
        : string.Empty;

    /// <summary>Reads the horizon <see cref="Columns"/> put at <paramref name="ordinal"/>; the single-writer one when absent.</summary>
    internal static TransactionHorizon Read(System.Data.Common.DbDataReader reader, int ordinal) =>
        reader.FieldCount > ordinal ? new TransactionHorizon(reader.GetInt64(ordinal), reader.GetInt64(ordinal + 1)) : SingleWriter;
}

/// <summary>Ascending positions of a log after some position, with where transactions stood when they were read.</summary>
/// <param name="Positions">Gets the positions.</param>
/// <param name="Transactions">Gets the transaction horizon of the read.</param>
public sealed record PositionPage(IReadOnlyList<long> Positions, TransactionHorizon Transactions);
