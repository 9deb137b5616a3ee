using System.Data.Common;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>Reads a log whose positions become visible in commit order: rows after a position, and the horizon of the very snapshot that read them.</summary>
internal static class PositionedLog
{
    /// <summary>Reads up to <paramref name="limit"/> rows of <paramref name="table"/> after <paramref name="after"/>, in position order.</summary>
    /// <param name="database">The engine.</param>
    /// <param name="columns">The columns to read, <c>position</c> first.</param>
    /// <param name="table">The log's table.</param>
    /// <param name="after">The last position already read.</param>
    /// <param name="limit">How many rows at most.</param>
    /// <param name="read">Reads one row from the columns given.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static Task<(List<T> Rows, TransactionHorizon Transactions)> ReadAfterAsync<T>(
        Database database, string[] columns, string table, long after, int limit, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            var transactions = TransactionHorizon.SingleWriter;
            var rows = await Sql.ListAsync(connection, null,
                $"SELECT {string.Join(", ", columns)}{TransactionHorizon.Columns(database)} FROM {table} WHERE position > @after ORDER BY position LIMIT @limit",
                r =>
                {
                    transactions = TransactionHorizon.Read(r, columns.Length);
                    return read(r);
                }, cancellationToken, ("after", after), ("limit", limit));
            return (rows, transactions);
        }, cancellationToken);
}
