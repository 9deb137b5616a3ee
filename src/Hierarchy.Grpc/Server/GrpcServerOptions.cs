namespace Hierarchy.Grpc.Server;

/// <summary>Limits of the gRPC protocol layer.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Gets or sets the largest request message accepted, in bytes. Defaults to 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Gets or sets the largest response message sent, in bytes. Defaults to 4 MiB.</summary>
    public int MaxSendMessageSize { get; set; } = 4 * 1024 * 1024;
}
