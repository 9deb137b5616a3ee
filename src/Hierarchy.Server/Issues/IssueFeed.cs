namespace Hierarchy.Server.Issues;

/// <summary>Wakes issue watchers when this process wrote to the issue log, so they read the new events at once.</summary>
public sealed class IssueFeed
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Tells every waiter the log grew.</summary>
    public void Notify() => Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for the next change, or at most <paramref name="patience"/> so writes of other replicas are seen too.</summary>
    public async Task WaitAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var changed = Volatile.Read(ref _changed).Task;
        try
        {
            await changed.WaitAsync(patience, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Patience ran out: the caller reads the log again anyway.
        }
    }
}
