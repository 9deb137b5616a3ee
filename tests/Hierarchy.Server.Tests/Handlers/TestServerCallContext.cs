using Grpc.Core;
using Hierarchy.Domain.Access;
using Hierarchy.Server.Security;
using Microsoft.AspNetCore.Http;

namespace Hierarchy.Server.Tests.Handlers;

/// <summary>A call context for calling handlers and interceptors directly, without a socket: the caller is set as authentication would set it.</summary>
public sealed class TestServerCallContext : ServerCallContext
{
    private readonly Dictionary<object, object> _userState = [];
    private readonly CancellationToken _cancellationToken;

    private TestServerCallContext(string method, CancellationToken cancellationToken)
    {
        MethodCore = method;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Creates a context for a call already authenticated as <paramref name="caller"/>.</summary>
    public static TestServerCallContext As(Caller caller, string method = "/test/Call", CancellationToken cancellationToken = default)
    {
        var context = new TestServerCallContext(method, cancellationToken);
        context._userState["__HttpContext"] = new DefaultHttpContext();
        context.SetCaller(caller);
        return context;
    }

    /// <summary>Creates a context whose request carries <paramref name="authorization"/>, as the socket would deliver it.</summary>
    public static TestServerCallContext WithAuthorization(string? authorization, string method = "/test/Call")
    {
        var context = new TestServerCallContext(method, CancellationToken.None);
        var http = new DefaultHttpContext();
        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        // Grpc.AspNetCore's documented key for a call context that is not its own.
        context._userState["__HttpContext"] = http;
        return context;
    }

    protected override string MethodCore { get; }

    protected override string HostCore => "127.0.0.1";

    protected override string PeerCore => "ipv4:127.0.0.1:1";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore { get; } = [];

    protected override CancellationToken CancellationTokenCore => _cancellationToken;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override IDictionary<object, object> UserStateCore => _userState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("handlers under test make no outgoing calls");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
