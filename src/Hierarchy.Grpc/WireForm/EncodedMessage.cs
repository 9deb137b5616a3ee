using System.Buffers;
using Grpc.Core;

namespace Hierarchy.Grpc.WireForm;

/// <summary>
/// A message already in protobuf wire form, as up to four segments written one after another. Concatenated encodings
/// of distinct fields form one valid message, so a hot path can send cached parts and encode only what varies.
/// </summary>
public sealed class EncodedMessage
{
    private readonly ReadOnlyMemory<byte> _first;
    private readonly ReadOnlyMemory<byte> _second;
    private readonly ReadOnlyMemory<byte> _third;
    private readonly ReadOnlyMemory<byte> _fourth;

    /// <summary>Initializes a new instance of the <see cref="EncodedMessage"/> class.</summary>
    public EncodedMessage(
        ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second = default, ReadOnlyMemory<byte> third = default, ReadOnlyMemory<byte> fourth = default)
    {
        _first = first;
        _second = second;
        _third = third;
        _fourth = fourth;
    }

    /// <summary>Gets the encoded length in bytes.</summary>
    public int Length => _first.Length + _second.Length + _third.Length + _fourth.Length;

    /// <summary>Gets the marshaller that sends an encoded message as it stands and reads one as its bytes.</summary>
    public static Marshaller<EncodedMessage> Marshaller { get; } = Marshallers.Create<EncodedMessage>(Serialize, Deserialize);

    /// <summary>Copies the segments into <paramref name="destination"/>, which must hold <see cref="Length"/> bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        _first.Span.CopyTo(destination);
        _second.Span.CopyTo(destination[_first.Length..]);
        _third.Span.CopyTo(destination[(_first.Length + _second.Length)..]);
        _fourth.Span.CopyTo(destination[(_first.Length + _second.Length + _third.Length)..]);
    }

    private static void Serialize(EncodedMessage message, SerializationContext context)
    {
        var length = message.Length;
        context.SetPayloadLength(length);
        var writer = context.GetBufferWriter();
        message.CopyTo(writer.GetSpan(length));
        writer.Advance(length);
        context.Complete();
    }

    private static EncodedMessage Deserialize(DeserializationContext context) =>
        new(context.PayloadAsReadOnlySequence().ToArray());
}
