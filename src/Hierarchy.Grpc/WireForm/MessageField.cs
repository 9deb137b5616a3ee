using Google.Protobuf;

namespace Hierarchy.Grpc.WireForm;

/// <summary>One message-typed field of an enclosing message in wire form, for responses assembled from encoded parts.</summary>
public static class MessageField
{
    /// <summary>Encodes <paramref name="value"/> as field <paramref name="fieldNumber"/>: its tag, its length, then the message.</summary>
    public static byte[] Encode(int fieldNumber, IMessage value)
    {
        var size = value.CalculateSize();
        var bytes = new byte[EncodedMessageWriter.FieldSize(fieldNumber, size)];
        var at = EncodedMessageWriter.WriteHeader(bytes, fieldNumber, size);
        value.WriteTo(bytes.AsSpan(at));
        return bytes;
    }
}
