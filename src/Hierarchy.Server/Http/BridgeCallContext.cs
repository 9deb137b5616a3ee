using Grpc.Core;

namespace Hierarchy.Server.Http;

/// <summary>
/// The call context a bridge gives a gRPC handler it calls in process: the HTTP request it serves stands for the call, as
/// Grpc.AspNetCore lets a custom invoker do (<c>GetHttpContext</c> reads it from <see cref="ServerCallContext.UserState"/>).
/// </summary>
public sealed class BridgeCallContext(HttpContext http, string method) : ServerCallContext
{
    private readonly Dictionary<object, object> _userState = new() { ["__HttpContext"] = http };

    /// <inheritdoc />
    protected override string MethodCore => method;

    /// <inheritdoc />
    protected override string HostCore => http.Request.Host.Value ?? string.Empty;

    /// <inheritdoc />
    protected override string PeerCore => $"ipv4:{http.Connection.RemoteIpAddress}:{http.Connection.RemotePort}";

    /// <inheritdoc />
    protected override DateTime DeadlineCore => DateTime.MaxValue;

    /// <inheritdoc />
    protected override Metadata RequestHeadersCore { get; } = [];

    /// <inheritdoc />
    protected override CancellationToken CancellationTokenCore => http.RequestAborted;

    /// <inheritdoc />
    protected override Metadata ResponseTrailersCore { get; } = [];

    /// <inheritdoc />
    protected override Status StatusCore { get; set; }

    /// <inheritdoc />
    protected override WriteOptions? WriteOptionsCore { get; set; }

    /// <inheritdoc />
    protected override AuthContext AuthContextCore { get; } = new(null, []);

    /// <inheritdoc />
    protected override IDictionary<object, object> UserStateCore => _userState;

    /// <inheritdoc />
    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("a bridged call does not start calls of its own");

    /// <inheritdoc />
    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
