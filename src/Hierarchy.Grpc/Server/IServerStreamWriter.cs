namespace Hierarchy.Grpc.Server;

/// <summary>Sends the messages of a server stream, one at a time.</summary>
/// <typeparam name="T">The response message.</typeparam>
public interface IServerStreamWriter<in T>
{
    /// <summary>Sends one message and flushes it to the client.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
