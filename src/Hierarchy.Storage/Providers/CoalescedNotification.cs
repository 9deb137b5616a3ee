using Npgsql;

namespace Hierarchy.Storage.Providers;

/// <summary>
/// NOTIFYs one PostgreSQL channel after commits, with at most one NOTIFY in flight: the commits made while one is on its
/// way are covered by the next. A NOTIFY inside the writing transaction would hold PostgreSQL's notify queue lock through
/// the commit and its WAL flush, and so serialise every writer.
/// </summary>
internal sealed class CoalescedNotification(NpgsqlDataSource dataSource, string channel, Action<string, Exception> failed)
{
    private long _requested;
    private int _sending;
    private Task _sender = Task.CompletedTask;

    /// <summary>Gets a task that ends when every NOTIFY asked for so far has been sent (or has failed).</summary>
    public Task Sent => Volatile.Read(ref _sender);

    /// <summary>Asks for a NOTIFY that starts after this call; returns at once.</summary>
    public void Request()
    {
        Interlocked.Increment(ref _requested);
        if (Interlocked.CompareExchange(ref _sending, 1, 0) == 0)
        {
            Volatile.Write(ref _sender, Task.Run(SendAsync));
        }
    }

    private async Task SendAsync()
    {
        while (true)
        {
            var covered = Interlocked.Read(ref _requested);
            try
            {
                await using var command = dataSource.CreateCommand("SELECT pg_notify(@channel, '')");
                command.Parameters.AddWithValue("channel", channel);
                await command.ExecuteNonQueryAsync();
            }
            catch (Exception e)
            {
                // The change is committed: listeners that miss this catch up by position when they reconnect.
                failed(channel, e);
            }

            if (Interlocked.Read(ref _requested) != covered)
            {
                continue;
            }

            Volatile.Write(ref _sending, 0);
            // A request between the check and the release found the flag still set; take its NOTIFY on here.
            if (Interlocked.Read(ref _requested) == covered || Interlocked.CompareExchange(ref _sending, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
