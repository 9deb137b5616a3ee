namespace Hierarchy.Grpc.Protocol;

/// <summary>A gRPC status: a code and a human-readable detail.</summary>
/// <param name="Code">Gets the status code.</param>
/// <param name="Detail">Gets the message sent as <c>grpc-message</c>.</param>
public readonly record struct Status(StatusCode Code, string Detail)
{
    /// <summary>Gets the status of a successful call.</summary>
    public static Status Ok { get; } = new(StatusCode.OK, string.Empty);

    /// <inheritdoc />
    public override string ToString() => Detail.Length == 0 ? Code.ToString() : $"{Code}: {Detail}";
}
