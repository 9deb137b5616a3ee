using Grpc.Core;
using Hierarchy.Server.Pipeline;

namespace Hierarchy.Server.Http;

/// <summary>
/// Runs a gRPC handler for a bridge (Open311) through the same interceptors a gRPC call passes: authentication and request
/// limits, then the error map. What fails is an <see cref="RpcException"/> with the status a gRPC caller would get.
/// </summary>
public sealed class BridgedHandlers(ErrorMapInterceptor errors, AuthenticationInterceptor authentication)
{
    /// <summary>Calls <paramref name="handler"/> as <paramref name="method"/> for the caller of <paramref name="http"/>.</summary>
    public Task<TResponse> CallAsync<TRequest, TResponse>(
        HttpContext http, string method, TRequest request, UnaryServerMethod<TRequest, TResponse> handler, bool authenticated = true)
        where TRequest : class
        where TResponse : class
    {
        var context = new BridgeCallContext(http, method);
        return errors.UnaryServerHandler(request, context,
            authenticated ? (r, c) => authentication.UnaryServerHandler(r, c, handler) : handler);
    }
}
