namespace Hierarchy.Grpc.Client;

/// <summary>Options of one client call.</summary>
public readonly record struct CallOptions
{
    /// <summary>Gets the metadata sent with the call, such as <c>authorization</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Headers { get; init; }

    /// <summary>Gets how long the call may take; sent as <c>grpc-timeout</c> and enforced by the client too.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Gets the token that cancels the call (the client resets the HTTP/2 stream).</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Gets options that send a bearer token in <c>authorization</c>.</summary>
    public static CallOptions WithBearer(string token) =>
        new() { Headers = [new("authorization", "Bearer " + token)] };
}
