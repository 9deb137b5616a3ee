namespace Hierarchy.Storage.Providers;

/// <summary>Reads the one database setting a user gives: a PostgreSQL connection string, or a SQLite file or connection string.</summary>
public static class DatabaseSetting
{
    /// <summary>Tells whether a setting names PostgreSQL (it names a Host, or is a postgres:// address).</summary>
    public static bool IsPostgres(string value) =>
        value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Turns a SQLite setting into a connection string: a bare path becomes its Data Source.</summary>
    public static string SqliteConnectionString(string value) => value.Contains('=') ? value : $"Data Source={value}";

    /// <summary>Opens the engine a setting names.</summary>
    public static Database Open(string value) =>
        IsPostgres(value) ? new PostgresDatabase(value) : new SqliteDatabase(SqliteConnectionString(value));
}
