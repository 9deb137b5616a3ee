using System.IO.Pipelines;
using System.Net;
using Google.Protobuf;
using Hierarchy.Grpc.Protocol;

namespace Hierarchy.Grpc.Client;

/// <summary>A request body of length-prefixed messages, flushed one by one as a stream produces them.</summary>
internal sealed class FramedRequestContent<T>(IAsyncEnumerable<T> messages, int maxSize, CancellationToken cancellationToken)
    : HttpContent
    where T : IMessage<T>
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        await foreach (var message in messages.WithCancellation(cancellationToken))
        {
            MessageFrame.Write(writer, message, maxSize);
            await writer.FlushAsync(cancellationToken);
        }

        await writer.CompleteAsync();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
