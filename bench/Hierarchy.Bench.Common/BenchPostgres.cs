using Npgsql;

namespace Hierarchy.Bench.Common;

/// <summary>A throwaway PostgreSQL database for one bench run, on the server HIERARCHY_BENCH_POSTGRES names.</summary>
public static class BenchPostgres
{
    /// <summary>Gets the maintenance connection string. Defaults to localhost:5432 as postgres.</summary>
    public static string Admin { get; } =
        Environment.GetEnvironmentVariable("HIERARCHY_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";

    /// <summary>Creates an empty database; returns its connection string, or null (with the reason printed) when there is no server.</summary>
    public static async Task<string?> TryCreateDatabaseAsync()
    {
        var name = $"hierarchy_bench_{Guid.NewGuid():N}"[..40];
        try
        {
            await using var connection = new NpgsqlConnection(Admin);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            Console.WriteLine($"PostgreSQL: skipped, none at {Admin} ({e.Message}); set HIERARCHY_BENCH_POSTGRES");
            return null;
        }

        return new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="TryCreateDatabaseAsync"/>.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
