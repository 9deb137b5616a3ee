using Hierarchy.Server.Replication;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Server.Tests;

/// <summary>Waits for a server to apply the change feed up to a position, on the follower's own signal rather than a sleep.</summary>
internal static class FeedPosition
{
    public static async Task WaitAsync(HierarchyServer server, long position, TimeSpan patience)
    {
        var follower = server.Services.GetRequiredService<ChangeFeedFollower>();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnAdvanced(long p)
        {
            if (p >= position)
            {
                reached.TrySetResult();
            }
        }

        follower.Advanced += OnAdvanced;
        try
        {
            // Subscribed first, then checked: an advance between the two is seen either way.
            if (follower.Position < position)
            {
                await reached.Task.WaitAsync(patience);
            }
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the server did not reach feed position {position} within {patience}; it is at {follower.Position}");
        }
        finally
        {
            follower.Advanced -= OnAdvanced;
        }
    }
}
