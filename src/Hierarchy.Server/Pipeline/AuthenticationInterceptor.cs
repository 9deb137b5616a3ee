using Grpc.Core;
using Grpc.Core.Interceptors;
using Hierarchy.Server.Security;

namespace Hierarchy.Server.Pipeline;

/// <summary>
/// Identifies the caller of every Hierarchy call from its bearer token, so handlers only ask <c>context.Caller()</c>, and
/// holds each request to <see cref="RequestLimits"/> before a handler sees it.
/// </summary>
public sealed class AuthenticationInterceptor(TokenDirectory tokens) : Interceptor
{
    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        RequestLimits.Enforce((Google.Protobuf.IMessage)request);
        return continuation(request, context);
    }

    /// <inheritdoc />
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        RequestLimits.Enforce((Google.Protobuf.IMessage)request);
        return continuation(request, responseStream, context);
    }

    /// <inheritdoc />
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, context);
    }

    /// <inheritdoc />
    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, responseStream, context);
    }

    // Kestrel's typed header accessor: the metadata collection would copy every header of every call.
    private void Authenticate(ServerCallContext context) =>
        context.SetCaller(tokens.Authenticate(context.GetHttpContext().Request.Headers.Authorization));
}
