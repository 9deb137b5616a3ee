using Microsoft.AspNetCore.Http;

namespace Hierarchy.Grpc.Server;

/// <summary>What a handler knows of its call: the method, request metadata, the deadline and the cancellation token.</summary>
public sealed class ServerCallContext
{
    internal ServerCallContext(HttpContext httpContext, string method, DateTime deadline, CancellationToken cancellationToken)
    {
        HttpContext = httpContext;
        Method = method;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>Gets the full method path, <c>/package.Service/Method</c>.</summary>
    public string Method { get; }

    /// <summary>Gets the UTC deadline of the call; <see cref="DateTime.MaxValue"/> when the client set none.</summary>
    public DateTime Deadline { get; }

    /// <summary>Gets the token cancelled when the client resets the call or the deadline passes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Gets the client's address.</summary>
    public string Peer => $"{HttpContext.Connection.RemoteIpAddress}:{HttpContext.Connection.RemotePort}";

    /// <summary>Gets the underlying HTTP/2 request.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>Gets a text metadata entry such as <c>authorization</c>; null when absent.</summary>
    public string? GetMetadata(string key)
    {
        var values = HttpContext.Request.Headers[key];
        return values.Count == 0 ? null : values.ToString();
    }

    /// <summary>Gets a binary metadata entry (a key ending in <c>-bin</c>), base64-decoded; null when absent.</summary>
    /// <exception cref="Protocol.RpcException">The value is not base64.</exception>
    public byte[]? GetBinaryMetadata(string key)
    {
        var text = GetMetadata(key);
        if (text is null)
        {
            return null;
        }

        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            throw new Protocol.RpcException(Protocol.StatusCode.InvalidArgument, $"metadata {key} is not base64");
        }
    }
}
