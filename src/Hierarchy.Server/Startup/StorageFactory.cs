using Hierarchy.Storage;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Server.Startup;

/// <summary>Opens the engine the settings name and applies its schema.</summary>
public static class StorageFactory
{
    /// <summary>Opens and migrates the database; on PostgreSQL the connections carry <paramref name="nodeName"/> as their application name.</summary>
    public static Task<StoreSet> OpenAsync(StorageSettings settings, CancellationToken cancellationToken, string? nodeName = null)
    {
        Database database = settings.Engine switch
        {
            StorageEngine.Sqlite => new SqliteDatabase(settings.ConnectionString),
            StorageEngine.PostgreSql => new PostgresDatabase(nodeName is null ? settings.ConnectionString
                : new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString) { ApplicationName = $"hierarchy-{nodeName}" }.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Engine, "unknown storage engine"),
        };
        return StoreSet.OpenAsync(database, cancellationToken);
    }
}
