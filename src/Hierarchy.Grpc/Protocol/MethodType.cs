namespace Hierarchy.Grpc.Protocol;

/// <summary>The four shapes of a gRPC method.</summary>
public enum MethodType
{
    Unary,
    ServerStreaming,
    ClientStreaming,
    DuplexStreaming,
}
