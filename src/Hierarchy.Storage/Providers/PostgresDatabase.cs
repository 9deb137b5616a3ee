using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace Hierarchy.Storage.Providers;

/// <summary>PostgreSQL, for several replicas on one database: row locks, COPY for bulk loads, errors told apart by SQLSTATE.</summary>
public sealed class PostgresDatabase : Database, IAsyncDisposable
{
    private const long MigrationLockKey = 0x4869657261726368;
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Initializes a new instance of the <see cref="PostgresDatabase"/> class.</summary>
    public PostgresDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            // The stores send the same few statements over and over: prepared once per connection, they skip parse and plan.
            builder.MaxAutoPrepare = 64;
        }

        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>Gets the connection string.</summary>
    public string ConnectionString { get; }

    /// <inheritdoc />
    public override string Dialect => "postgres";

    /// <inheritdoc />
    protected override void ForgetIdleConnections() => _dataSource.Clear();

    /// <inheritdoc />
    public override string ForUpdateSkipLocked => " FOR UPDATE SKIP LOCKED";

    /// <inheritdoc />
    public override string ForUpdate => " FOR UPDATE";

    /// <inheritdoc />
    public override int WriteConcurrency => 4;

    /// <inheritdoc />
    public override async Task BulkInsertAsync(
        DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in row)
            {
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <inheritdoc />
    public override bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException
        {
            SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
        } => true,
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => true,
        NpgsqlException { IsTransient: true } and not PostgresException => true,
        SocketException => true,
        _ => false,
    };

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    protected override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenCoreAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);
}
