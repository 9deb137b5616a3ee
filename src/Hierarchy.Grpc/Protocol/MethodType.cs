namespace Hierarchy.Grpc.Protocol;

/// <summary>The four shapes of a gRPC method.</summary>
public enum MethodType
{
    /// <summary>One request, one response.</summary>
    Unary,

    /// <summary>One request, a stream of responses.</summary>
    ServerStreaming,

    /// <summary>A stream of requests, one response.</summary>
    ClientStreaming,

    /// <summary>A stream each way.</summary>
    DuplexStreaming,
}
