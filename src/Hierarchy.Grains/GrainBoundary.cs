using Hierarchy.Storage;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Grains;

/// <summary>
/// What a grain throws back to its caller: Hierarchy's own exceptions travel as they are, but a database driver's exception
/// inside one cannot be serialized, so it is logged in the grain's silo and the caller gets the message alone.
/// </summary>
internal static partial class GrainBoundary
{
    /// <summary>Runs a grain's storage work that answers nothing, making what it throws fit to cross to another silo.</summary>
    public static Task RunAsync(Func<Task> work, ILogger logger) => RunAsync(async () =>
    {
        await work();
        return true;
    }, logger);

    /// <summary>Runs a grain's storage work, making what it throws fit to cross to another silo.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> work, ILogger logger)
    {
        try
        {
            return await work();
        }
        catch (StorageUnavailableException e) when (e.InnerException is not null)
        {
            LogUnavailable(logger, e);
            throw new StorageUnavailableException(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable to a grain")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
