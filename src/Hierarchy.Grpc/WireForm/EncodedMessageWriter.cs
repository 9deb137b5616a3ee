using System.Buffers;
using Google.Protobuf;

namespace Hierarchy.Grpc.WireForm;

/// <summary>Assembles a message in wire form from encoded parts, for answers too large to build as message objects cheaply.</summary>
public sealed class EncodedMessageWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    /// <summary>Initializes a new instance of the <see cref="EncodedMessageWriter"/> class.</summary>
    public EncodedMessageWriter(int capacity = 4096)
    {
        // An empty batch asks for no room, which the buffer refuses.
        _buffer = new ArrayBufferWriter<byte>(Math.Max(capacity, 256));
    }

    /// <summary>Gets the bytes written so far.</summary>
    public int Length => _buffer.WrittenCount;

    /// <summary>Gets the size of a length-delimited field holding <paramref name="length"/> bytes, header included.</summary>
    public static int FieldSize(int fieldNumber, int length) =>
        CodedOutputStream.ComputeRawVarint32Size(WireFormat.MakeTag(fieldNumber, WireFormat.WireType.LengthDelimited))
        + CodedOutputStream.ComputeLengthSize(length) + length;

    /// <summary>Writes the tag and length of a length-delimited field; exactly <paramref name="length"/> bytes must follow.</summary>
    public void LengthDelimited(int fieldNumber, int length) => _buffer.Advance(WriteHeader(_buffer.GetSpan(10), fieldNumber, length));

    /// <summary>Writes the tag and length of a length-delimited field at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    internal static int WriteHeader(Span<byte> destination, int fieldNumber, int length)
    {
        var at = Varint.Write(destination, WireFormat.MakeTag(fieldNumber, WireFormat.WireType.LengthDelimited));
        return at + Varint.Write(destination[at..], (uint)length);
    }

    /// <summary>Writes parts already encoded.</summary>
    public void Encoded(EncodedMessage parts)
    {
        var span = _buffer.GetSpan(parts.Length);
        parts.CopyTo(span);
        _buffer.Advance(parts.Length);
    }

    /// <summary>Writes a message-typed field.</summary>
    public void Message(int fieldNumber, IMessage value)
    {
        var size = value.CalculateSize();
        LengthDelimited(fieldNumber, size);
        value.WriteTo(_buffer.GetSpan(size)[..size]);
        _buffer.Advance(size);
    }

    /// <summary>Writes an int64 field; zero, the default, is left out as protobuf does.</summary>
    public void Int64(int fieldNumber, long value)
    {
        if (value == 0)
        {
            return;
        }

        var span = _buffer.GetSpan(20);
        var at = Varint.Write(span, WireFormat.MakeTag(fieldNumber, WireFormat.WireType.Varint));
        at += Varint.Write(span[at..], (ulong)value);
        _buffer.Advance(at);
    }

    /// <summary>Gets what was written, as one encoded message.</summary>
    public EncodedMessage ToMessage() => new(_buffer.WrittenMemory);
}
