using Npgsql;

namespace Hierarchy.Testing;

/// <summary>
/// The PostgreSQL server tests use: <c>HIERARCHY_TEST_POSTGRES</c> or a localhost default. Each fixture gets a fresh database.
/// Without a server, PostgreSQL tests skip locally and fail under CI=true.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string?> Unreachable = new(Probe);

    /// <summary>Gets the connection string of the server's maintenance database.</summary>
    public static string AdminConnectionString { get; } =
        Environment.GetEnvironmentVariable("HIERARCHY_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";

    /// <summary>Gets why PostgreSQL tests are skipped here; null when they run.</summary>
    public static string? SkipReason => Environment.GetEnvironmentVariable("CI") == "true" ? null : Unreachable.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"hierarchy_{purpose}_{Guid.NewGuid():N}"[..48].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, ending its sessions.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return $"no PostgreSQL at {AdminConnectionString} ({e.Message}); ./test.sh starts one";
        }
    }
}
