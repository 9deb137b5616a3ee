using Google.Protobuf;

namespace Hierarchy.Grpc.Protocol;

/// <summary>One message-typed field of an enclosing message in wire form, for responses assembled from encoded parts.</summary>
public static class MessageField
{
    /// <summary>Encodes <paramref name="value"/> as field <paramref name="fieldNumber"/>: its tag, its length, then the message.</summary>
    public static byte[] Encode(int fieldNumber, IMessage value)
    {
        var tag = WireFormat.MakeTag(fieldNumber, WireFormat.WireType.LengthDelimited);
        var size = value.CalculateSize();
        var bytes = new byte[CodedOutputStream.ComputeRawVarint32Size(tag) + CodedOutputStream.ComputeLengthSize(size) + size];
        var at = Varint.Write(bytes, tag);
        at += Varint.Write(bytes.AsSpan(at), (uint)size);
        value.WriteTo(bytes.AsSpan(at));
        return bytes;
    }
}
