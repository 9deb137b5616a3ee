using System.Data.Common;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>The tree version counter and the time each version took effect.</summary>
internal static class TreeVersions
{
    /// <summary>Gets the version the running write transaction will produce.</summary>
    public static async Task<long> NextAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        await Sql.ScalarAsync<long>(connection, transaction, "SELECT version + 1 FROM tree_state WHERE id = 1", cancellationToken);

    /// <summary>Bumps the version and records when it took effect and which reorganisation made it.</summary>
    public static async Task<long> BumpAsync(
        DbConnection connection, DbTransaction transaction, DateTimeOffset effectiveAt, long? reorganization, CancellationToken cancellationToken)
    {
        var version = await Sql.ScalarAsync<long>(connection, transaction,
            "UPDATE tree_state SET version = version + 1, changed_at = CURRENT_TIMESTAMP WHERE id = 1 RETURNING version", cancellationToken);
        await Sql.ExecuteAsync(connection, transaction,
            "INSERT INTO tree_versions (version, effective_at, reorganization_id) VALUES (@v, @at, @plan)", cancellationToken,
            ("v", version), ("at", effectiveAt.ToUnixTimeMilliseconds()), ("plan", reorganization));
        return version;
    }
}
