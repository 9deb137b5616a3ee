namespace Hierarchy.Grpc.Protocol;

/// <summary>The header names and values of the gRPC over HTTP/2 protocol.</summary>
public static class GrpcHeaders
{
    /// <summary>The content-type of every gRPC request and response.</summary>
    public const string ContentType = "application/grpc";
    /// <summary>The trailer carrying the status code.</summary>
    public const string Status = "grpc-status";
    /// <summary>The trailer carrying the percent-encoded status message.</summary>
    public const string Message = "grpc-message";
    /// <summary>The request header carrying the deadline.</summary>
    public const string Timeout = "grpc-timeout";
    /// <summary>The header naming the message compression.</summary>
    public const string Encoding = "grpc-encoding";
    /// <summary>The header listing the compressions a peer reads.</summary>
    public const string AcceptEncoding = "grpc-accept-encoding";
    /// <summary>No compression.</summary>
    public const string Identity = "identity";
    /// <summary>gzip compression.</summary>
    public const string Gzip = "gzip";

    /// <summary>Gets the encodings this implementation reads, as sent in <c>grpc-accept-encoding</c>.</summary>
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>Tells whether a content-type names gRPC (<c>application/grpc</c> or <c>application/grpc+proto</c>, optionally with parameters).</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = contentType.AsSpan(ContentType.Length);
        return rest.IsEmpty || rest[0] == ';' || rest.StartsWith("+proto", StringComparison.OrdinalIgnoreCase);
    }
}
