using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Hierarchy.Storage.Providers;

/// <summary>One storage engine: how to connect, migrate, bulk-load and tell its errors apart. The stores hold the SQL they share.</summary>
public abstract class Database
{
    private readonly ConditionalWeakTable<DbTransaction, HashSet<string>> _announcements = [];

    /// <summary>Gets the engine's name, as the schema folder names it ("sqlite", "postgres").</summary>
    public abstract string Dialect { get; }

    /// <summary>Gets the clause that locks selected rows for the rest of the transaction; empty where a write transaction locks already.</summary>
    public abstract string ForUpdate { get; }

    /// <summary>Gets how many write transactions are worth running at once: one where a single writer holds the lock (SQLite).</summary>
    public virtual int WriteConcurrency => 1;

    /// <summary>Gets the clause that locks selected rows and passes over rows another transaction holds, so replicas share work.</summary>
    public abstract string ForUpdateSkipLocked { get; }

    /// <summary>Opens a connection, ready for use.</summary>
    /// <exception cref="StorageUnavailableException">The database cannot be reached.</exception>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await OpenCoreAsync(cancellationToken);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            ForgetIdleConnections();
            throw new StorageUnavailableException($"the {Dialect} database cannot be reached: {e.Message}", e);
        }
    }

    /// <summary>Runs work on a fresh connection; an unreachable database becomes <see cref="StorageUnavailableException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await work(connection);
        }
        catch (Exception e) when (e is not StorageUnavailableException && IsUnavailable(e))
        {
            ForgetIdleConnections();
            throw new StorageUnavailableException($"the {Dialect} database is unavailable: {e.Message}", e);
        }
    }

    /// <summary>Runs the cheapest query there is: readiness checks ask it whether the database answers.</summary>
    /// <exception cref="StorageUnavailableException">The database cannot be reached.</exception>
    public Task PingAsync(CancellationToken cancellationToken) => RunAsync(async connection =>
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        return await command.ExecuteScalarAsync(cancellationToken);
    }, cancellationToken);

    /// <summary>Runs work in a write transaction and commits it; an unreachable database becomes <see cref="StorageUnavailableException"/>.</summary>
    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            if (_announcements.TryGetValue(transaction, out var channels))
            {
                _announcements.Remove(transaction);
                foreach (var channel in channels)
                {
                    Announce(channel);
                }
            }

            return result;
        }, cancellationToken);

    /// <summary>Begins a transaction that writes; on SQLite it takes the write lock at once so it cannot deadlock on upgrade.</summary>
    public virtual async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    /// <summary>Writes many rows at once (COPY on PostgreSQL, a prepared statement on SQLite).</summary>
    public abstract Task BulkInsertAsync(
        DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken);

    /// <summary>Tells whether an exception is a unique-key violation.</summary>
    public abstract bool IsUniqueViolation(Exception exception);

    /// <summary>Tells whether an exception means the database is unreachable or shutting down.</summary>
    public abstract bool IsUnavailable(Exception exception);

    /// <summary>Applies the schema scripts not yet applied, in order, recording each in <c>schema_version</c>.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await LockMigrationsAsync(connection, transaction, cancellationToken);
        await Sql.ExecuteAsync(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL)", cancellationToken);
        var applied = await Sql.ScalarAsync<long>(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version", cancellationToken);
        foreach (var (version, name, script) in Scripts())
        {
            if (version <= applied)
            {
                continue;
            }

            await Sql.ExecuteAsync(connection, transaction, script, cancellationToken);
            await Sql.ExecuteAsync(connection, transaction, "INSERT INTO schema_version (version, script) VALUES (@v, @s)", cancellationToken,
                ("v", version), ("s", name));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Raised with the channel after a transaction that announced news on it committed; the host tells the other silos.</summary>
    public event Action<string>? Committed;

    /// <summary>Raises <see cref="Committed"/> once <paramref name="transaction"/> (one of <see cref="WriteAsync{T}"/>) commits.</summary>
    public void AnnounceAfterCommit(DbTransaction transaction, string channel) =>
        _announcements.GetOrCreateValue(transaction).Add(channel);

    private void Announce(string channel) => Committed?.Invoke(channel);

    /// <summary>Drops pooled connections after a failure: a database that restarted broke every one of them, not just the one that failed.</summary>
    protected virtual void ForgetIdleConnections()
    {
    }

    /// <summary>Keeps two replicas from migrating at once.</summary>
    protected virtual Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Opens a connection.</summary>
    protected abstract Task<DbConnection> OpenCoreAsync(CancellationToken cancellationToken);

    private IEnumerable<(int Version, string Name, string Script)> Scripts()
    {
        var assembly = typeof(Database).Assembly;
        var prefix = $"Sql/{Dialect}/";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = name[prefix.Length..];
            var version = int.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (version, file, reader.ReadToEnd());
        }
    }
}
