using Hierarchy.Storage.Providers;

namespace Hierarchy.Server;

/// <summary>The storage engine: SQLite (embedded, one process) or PostgreSQL (any number of replicas).</summary>
/// <param name="Engine">Gets the engine.</param>
/// <param name="ConnectionString">Gets the engine's connection string.</param>
public sealed record StorageSettings(StorageEngine Engine, string ConnectionString)
{
    /// <summary>Gets the embedded default: a SQLite file under ./data/.</summary>
    public static StorageSettings DefaultSqlite { get; } = new(StorageEngine.Sqlite, "Data Source=data/hierarchy.db");

    /// <summary>Reads a database setting: a PostgreSQL connection string (it names a Host) or a SQLite file path or connection string.</summary>
    public static StorageSettings Parse(string value)
    {
        return DatabaseSetting.IsPostgres(value)
            ? new StorageSettings(StorageEngine.PostgreSql, value)
            : new StorageSettings(StorageEngine.Sqlite, DatabaseSetting.SqliteConnectionString(value));
    }

    /// <inheritdoc />
    public override string ToString() => Engine == StorageEngine.Sqlite ? $"SQLite ({ConnectionString})" : "PostgreSQL";
}

/// <summary>The storage engines Hierarchy runs on.</summary>
public enum StorageEngine
{
    /// <summary>SQLite through Microsoft.Data.Sqlite: the embedded default.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql: for several replicas.</summary>
    PostgreSql,
}
