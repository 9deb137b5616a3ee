using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace Hierarchy.Grpc.Server;

/// <summary>The request side of a client- or duplex-streaming call as an async sequence.</summary>
internal static class RequestStream
{
    public static async IAsyncEnumerable<T> Read<T>(
        GrpcCall call, MessageParser<T> parser, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class, IMessage<T>
    {
        while (await call.ReadAsync(parser) is { } message)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return message;
        }
    }
}
