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
        var prefix = CodedOutputStream.ComputeRawVarint32Size(tag) + CodedOutputStream.ComputeLengthSize(size);
        var bytes = new byte[prefix + size];
        var at = WriteVarint(bytes, 0, tag);
        at = WriteVarint(bytes, at, (uint)size);
        value.WriteTo(bytes.AsSpan(at));
        return bytes;
    }

    private static int WriteVarint(byte[] destination, int at, uint value)
    {
        while (value >= 0x80)
        {
            destination[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[at++] = (byte)value;
        return at;
    }
}
