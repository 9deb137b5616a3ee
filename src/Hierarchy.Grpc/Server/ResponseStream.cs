using Google.Protobuf;

namespace Hierarchy.Grpc.Server;

/// <summary>The response side of a streaming call: each message is flushed as it is written.</summary>
internal sealed class ResponseStream<T>(GrpcCall call) : IServerStreamWriter<T>
    where T : IMessage<T>
{
    public Task WriteAsync(T message, CancellationToken cancellationToken = default) => call.WriteAsync(message, flush: true);
}
