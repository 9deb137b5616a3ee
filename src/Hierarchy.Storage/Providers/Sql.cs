using System.Data.Common;

namespace Hierarchy.Storage.Providers;

/// <summary>Runs parameterised SQL on a connection; parameters are named @name in every dialect.</summary>
public static class Sql
{
    /// <summary>Creates a command with parameters.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Executes a statement; returns the rows affected.</summary>
    public static async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, text, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Executes statements in one round trip where the engine batches (PostgreSQL), one by one where it runs in-process (SQLite).</summary>
    /// <returns>The rows affected, all statements together.</returns>
    public static async Task<int> ExecuteBatchAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<(string Text, (string Name, object? Value)[] Parameters)> statements,
        CancellationToken cancellationToken)
    {
        if (!connection.CanCreateBatch)
        {
            var rows = 0;
            foreach (var (text, parameters) in statements)
            {
                rows += await ExecuteAsync(connection, transaction, text, cancellationToken, parameters);
            }

            return rows;
        }

        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var (text, parameters) in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = text;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        return batch.BatchCommands.Count > 0 ? await batch.ExecuteNonQueryAsync(cancellationToken) : 0;
    }

    /// <summary>Executes a query returning one value.</summary>
    public static async Task<T> ScalarAsync<T>(
        DbConnection connection, DbTransaction? transaction, string text, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, text, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull
            ? default!
            : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Executes a query and maps each row.</summary>
    public static async Task<List<T>> ListAsync<T>(
        DbConnection connection, DbTransaction? transaction, string text, Func<DbDataReader, T> map, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, text, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Reads a nullable 64-bit column.</summary>
    public static long? NullableInt64(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    /// <summary>Reads a nullable text column.</summary>
    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
