using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace Hierarchy.Grpc.Protocol;

/// <summary>The gRPC length-prefixed message: a compressed flag, a 4-byte big-endian length, then the message.</summary>
public static class MessageFrame
{
    /// <summary>Gets the size of the prefix before every message.</summary>
    public const int HeaderSize = 5;

    /// <summary>
    /// Takes one whole message from the front of <paramref name="buffer"/>; returns false when more bytes are needed.
    /// </summary>
    /// <exception cref="RpcException">The frame is malformed, too large, or not a <typeparamref name="T"/>.</exception>
    public static bool TryRead<T>(
        ref ReadOnlySequence<byte> buffer, MessageParser<T> parser, int maxSize, bool gzip, out T? message)
        where T : IMessage<T>
    {
        message = default;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var flag = header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (flag > 1)
        {
            throw new RpcException(StatusCode.Internal, $"invalid message frame: compressed flag is {flag}, not 0 or 1");
        }

        if (length > maxSize)
        {
            throw new RpcException(
                StatusCode.ResourceExhausted, $"message of {length} bytes is larger than the limit of {maxSize} bytes");
        }

        if (buffer.Length < HeaderSize + length)
        {
            return false;
        }

        var payload = buffer.Slice(HeaderSize, length);
        if (flag == 1)
        {
            if (!gzip)
            {
                throw new RpcException(StatusCode.Internal, "message is flagged compressed but no grpc-encoding was sent");
            }

            payload = new ReadOnlySequence<byte>(Gunzip(payload, maxSize));
        }

        try
        {
            message = parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(
                StatusCode.Internal, $"message is not a valid {typeof(T).Name}: {e.Message}");
        }

        buffer = buffer.Slice(HeaderSize + length);
        return true;
    }

    /// <summary>Writes <paramref name="message"/> uncompressed, prefixed with its length.</summary>
    /// <exception cref="RpcException">The message is larger than <paramref name="maxSize"/>.</exception>
    public static void Write(IBufferWriter<byte> writer, IMessage message, int maxSize)
    {
        var size = message.CalculateSize();
        message.WriteTo(Reserve(writer, size, maxSize));
        writer.Advance(HeaderSize + size);
    }

    /// <summary>Writes a message already encoded, uncompressed, prefixed with its length.</summary>
    /// <exception cref="RpcException">The message is larger than <paramref name="maxSize"/>.</exception>
    public static void Write(IBufferWriter<byte> writer, in EncodedMessage message, int maxSize)
    {
        var size = message.Length;
        message.CopyTo(Reserve(writer, size, maxSize));
        writer.Advance(HeaderSize + size);
    }

    /// <summary>Checks the size, writes the prefix, and returns the span the message goes into.</summary>
    private static Span<byte> Reserve(IBufferWriter<byte> writer, int size, int maxSize)
    {
        if (size > maxSize)
        {
            throw new RpcException(
                StatusCode.ResourceExhausted, $"message of {size} bytes is larger than the limit of {maxSize} bytes");
        }

        var span = writer.GetSpan(HeaderSize + size);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        return span.Slice(HeaderSize, size);
    }

    private static byte[] Gunzip(ReadOnlySequence<byte> compressed, int maxSize)
    {
        using var input = new MemoryStream(compressed.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    throw new RpcException(
                        StatusCode.ResourceExhausted, $"decompressed message is larger than the limit of {maxSize} bytes");
                }

                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw new RpcException(StatusCode.Internal, $"message is not valid gzip: {e.Message}");
        }

        return output.ToArray();
    }
}
