using Grpc.Core;
using Hierarchy.Domain.Access;
using Hierarchy.Server.Http;
using Hierarchy.Server.Security;
using Microsoft.AspNetCore.Http;

namespace Hierarchy.Server.Tests.Handlers;

/// <summary>Call contexts for calling handlers and interceptors directly, without a socket: the bridge's own, over a request made here.</summary>
public static class TestServerCallContext
{
    /// <summary>Creates a context for a call already authenticated as <paramref name="caller"/>.</summary>
    public static ServerCallContext As(Caller caller, string method = "/test/Call", CancellationToken cancellationToken = default)
    {
        var context = new BridgeCallContext(new DefaultHttpContext { RequestAborted = cancellationToken }, method);
        context.SetCaller(caller);
        return context;
    }

    /// <summary>Creates a context whose request carries <paramref name="authorization"/>, as the socket would deliver it.</summary>
    public static ServerCallContext WithAuthorization(string? authorization, string method = "/test/Call")
    {
        var http = new DefaultHttpContext();
        if (authorization is not null)
        {
            http.Request.Headers.Authorization = authorization;
        }

        return new BridgeCallContext(http, method);
    }
}
