namespace Hierarchy.Grpc.WireForm;

/// <summary>Protobuf's base-128 varint, for code that writes wire form by hand.</summary>
internal static class Varint
{
    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(Span<byte> destination, ulong value)
    {
        var at = 0;
        while (value >= 0x80)
        {
            destination[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[at++] = (byte)value;
        return at;
    }
}
