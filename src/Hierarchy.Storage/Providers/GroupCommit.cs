using System.Threading.Channels;

namespace Hierarchy.Storage.Providers;

/// <summary>
/// Commits many small writes in shared transactions: a durable commit costs a disk flush, and one flush for a few hundred
/// issue steps is what lets thousands of grains commit a second. Each write keeps its own checks (its statements must
/// touch exactly one row each); when a shared transaction is refused, every write in it is tried again alone, so only the
/// one that lost fails.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    private const int MaxWrites = 256;

    private readonly Database _database;
    private readonly string _channel;
    private readonly Channel<PendingWrite> _pending = Channel.CreateUnbounded<PendingWrite>();
    private readonly Task[] _writers;

    /// <summary>Starts <paramref name="writers"/> writers, each committing one shared transaction at a time.</summary>
    /// <param name="database">The database written to.</param>
    /// <param name="channel">The channel announced after each commit.</param>
    /// <param name="writers">How many transactions may be in flight at once.</param>
    public GroupCommit(Database database, string channel, int writers)
    {
        (_database, _channel) = (database, channel);
        _writers = [.. Enumerable.Range(0, writers).Select(_ => Task.Run(WriteAsync))];
    }

    /// <summary>Commits statements that must each touch exactly one row, possibly in a transaction shared with other writes.</summary>
    /// <exception cref="RowCountMismatchException">A statement touched no row: its check failed.</exception>
    public Task CommitAsync(IReadOnlyList<(string Text, (string Name, object? Value)[] Parameters)> statements)
    {
        var write = new PendingWrite(statements);
        if (!_pending.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(GroupCommit));
        }

        return write.Done.Task;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private async Task WriteAsync()
    {
        var batch = new List<PendingWrite>(MaxWrites);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxWrites && _pending.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                await CommitTogetherAsync(batch);
                batch.ForEach(w => w.Done.TrySetResult());
            }
            catch (Exception e) when (batch.Count > 1 && e is not StorageUnavailableException)
            {
                // A check that failed, a key another writer took, or a deadlock between two shared transactions: alone, only the loser fails.
                foreach (var write in batch)
                {
                    await CommitAloneAsync(write);
                }
            }
            catch (Exception e)
            {
                batch.ForEach(w => w.Done.TrySetException(e));
            }

            batch.Clear();
        }
    }

    private async Task CommitAloneAsync(PendingWrite write)
    {
        try
        {
            await CommitTogetherAsync([write]);
            write.Done.TrySetResult();
        }
        catch (Exception e)
        {
            write.Done.TrySetException(e);
        }
    }

    private Task CommitTogetherAsync(List<PendingWrite> batch) => _database.WriteAsync(async (connection, transaction) =>
    {
        var statements = batch.SelectMany(w => w.Statements).ToList();
        if (await Sql.ExecuteBatchAsync(connection, transaction, statements, CancellationToken.None) != statements.Count)
        {
            throw new RowCountMismatchException();
        }

        _database.AnnounceAfterCommit(transaction, _channel);
        return true;
    }, CancellationToken.None);

    private sealed record PendingWrite(IReadOnlyList<(string Text, (string Name, object? Value)[] Parameters)> Statements)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
