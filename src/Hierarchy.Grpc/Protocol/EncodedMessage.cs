namespace Hierarchy.Grpc.Protocol;

/// <summary>
/// A message already in protobuf wire form, as up to three segments written one after another. Concatenated encodings
/// of distinct fields form one valid message, so a hot path can send cached parts and encode only what varies.
/// </summary>
public readonly struct EncodedMessage
{
    private readonly ReadOnlyMemory<byte> _first;
    private readonly ReadOnlyMemory<byte> _second;
    private readonly ReadOnlyMemory<byte> _third;

    /// <summary>Initializes a new instance of the <see cref="EncodedMessage"/> struct.</summary>
    public EncodedMessage(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second = default, ReadOnlyMemory<byte> third = default)
    {
        _first = first;
        _second = second;
        _third = third;
    }

    /// <summary>Gets the encoded length in bytes.</summary>
    public int Length => _first.Length + _second.Length + _third.Length;

    /// <summary>Copies the segments into <paramref name="destination"/>, which must hold <see cref="Length"/> bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        _first.Span.CopyTo(destination);
        _second.Span.CopyTo(destination[_first.Length..]);
        _third.Span.CopyTo(destination[(_first.Length + _second.Length)..]);
    }
}
