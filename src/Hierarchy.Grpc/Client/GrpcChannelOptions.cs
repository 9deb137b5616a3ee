using System.Net.Security;

namespace Hierarchy.Grpc.Client;

/// <summary>Limits of a client channel.</summary>
public sealed record GrpcChannelOptions
{
    /// <summary>Gets the largest message accepted from the server. Defaults to 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Gets the largest message sent to the server. Defaults to 4 MiB.</summary>
    public int MaxSendMessageSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Gets a check of the server's TLS certificate in place of the system's; null uses the system's trust store.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }
}
