using System.Buffers.Binary;
using Google.Protobuf;

namespace Hierarchy.Bench.Common;

/// <summary>A message as one gRPC length-prefixed frame, the body h2load sends and the raw ceiling answers with.</summary>
public static class GrpcFrame
{
    /// <summary>Frames <paramref name="message"/>: an uncompressed flag, its length in four big-endian bytes, then the message.</summary>
    public static byte[] Of(IMessage message)
    {
        var size = message.CalculateSize();
        var frame = new byte[5 + size];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)size);
        message.WriteTo(frame.AsSpan(5));
        return frame;
    }
}
