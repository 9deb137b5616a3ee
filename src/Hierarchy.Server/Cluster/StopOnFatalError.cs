namespace Hierarchy.Server.Cluster;

/// <summary>
/// What a silo does when Orleans finds it fatally broken (the cluster declared it dead): stop this host, the gRPC edge
/// with it, so the process exits and a supervisor restarts it; Orleans' default fails fast, which would also end every
/// other silo a test process hosts.
/// </summary>
public sealed partial class StopOnFatalError(IHostApplicationLifetime lifetime, ILogger<StopOnFatalError> logger) : IFatalErrorHandler
{
    /// <inheritdoc />
    public bool IsUnexpected(Exception exception) => true;

    /// <inheritdoc />
    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null)
    {
        LogFatal(logger, exception, sender?.GetType().Name ?? "Orleans", context ?? "no context");
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The silo must stop: {Sender} says {Context}")]
    private static partial void LogFatal(ILogger logger, Exception? exception, string sender, string context);
}
