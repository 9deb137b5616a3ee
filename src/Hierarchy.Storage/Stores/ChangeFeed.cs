using System.Data.Common;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>The change feed on either engine; writers append inside their own transaction.</summary>
public sealed class ChangeFeed(Database database) : IChangeFeed
{
    /// <summary>Gets the channel PostgreSQL announces new entries on.</summary>
    public const string Channel = "hierarchy_changes";

    /// <inheritdoc />
    public Task<ChangeFeedPage> ReadAfterAsync(long position, int limit, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            // The transaction horizon comes from the very snapshot that read the rows.
            var transactions = TransactionHorizon.SingleWriter;
            var entries = await Sql.ListAsync(connection, null,
                $"SELECT position, kind, entity_id{TransactionHorizon.Columns(database)} FROM change_feed WHERE position > @after ORDER BY position LIMIT @limit",
                r =>
                {
                    transactions = TransactionHorizon.Read(r, 3);
                    return new ChangeEntry(r.GetInt64(0), (ChangeKind)r.GetInt16(1), r.GetInt64(2));
                }, cancellationToken, ("after", position), ("limit", limit));
            return new ChangeFeedPage(entries, transactions);
        }, cancellationToken);

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
