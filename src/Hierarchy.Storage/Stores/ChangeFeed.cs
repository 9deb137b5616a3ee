using System.Data.Common;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>The change feed on either engine; writers append inside their own transaction.</summary>
public sealed class ChangeFeed(Database database) : IChangeFeed
{
    /// <summary>Gets the channel PostgreSQL announces new entries on.</summary>
    public const string Channel = "hierarchy_changes";

    /// <inheritdoc />
    public async Task<ChangeFeedPage> ReadAfterAsync(long position, int limit, CancellationToken cancellationToken)
    {
        var (entries, transactions) = await PositionedLog.ReadAfterAsync(database, ["position", "kind", "entity_id"], "change_feed", position, limit,
            r => new ChangeEntry(r.GetInt64(0), (ChangeKind)r.GetInt16(1), r.GetInt64(2)), cancellationToken);
        return new ChangeFeedPage(entries, transactions);
    }

    /// <inheritdoc />
    public Task<long> LastPositionAsync(CancellationToken cancellationToken) => database.RunAsync(
        connection => Sql.ScalarAsync<long>(connection, null, "SELECT COALESCE(MAX(position), 0) FROM change_feed", cancellationToken),
        cancellationToken);

    /// <summary>Appends entries within the caller's transaction and announces them when it commits.</summary>
    internal static async Task AppendAsync(
        Database database, DbConnection connection, DbTransaction transaction, IEnumerable<(ChangeKind Kind, long Id)> changes, CancellationToken cancellationToken)
    {
        var statements = changes.Select(c => ("INSERT INTO change_feed (kind, entity_id) VALUES (@kind, @id)",
            new (string, object?)[] { ("kind", (short)c.Kind), ("id", c.Id) })).ToList();
        if (statements.Count == 0)
        {
            return;
        }

        await Sql.ExecuteBatchAsync(connection, transaction, statements, cancellationToken);
        database.AnnounceAfterCommit(transaction, Channel);
    }
}
