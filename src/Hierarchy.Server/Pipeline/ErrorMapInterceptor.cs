using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Hierarchy.Domain.Errors;
using Hierarchy.Grains.Observability;

namespace Hierarchy.Server.Pipeline;

/// <summary>
/// Turns what a handler throws into the call's status through <see cref="HierarchyErrorMap"/>; anything unmapped is a fault,
/// logged with its method and answered UNKNOWN with a message that gives nothing of the server away.
/// </summary>
public sealed partial class ErrorMapInterceptor(HierarchyErrorMap errors, ILogger<ErrorMapInterceptor> logger) : Interceptor
{
    private const int QuotedPrefix = 64;
    private const int MaxDetail = 1_000;

    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Task<TResponse> call;
        try
        {
            call = continuation(request, context);
        }
        catch (Exception e) when (Replacement(e, request, context) is { } replacement)
        {
            throw replacement;
        }

        // Most calls finish synchronously from memory: they pass through without an async state machine.
        return call.IsCompletedSuccessfully ? call : AwaitAsync(call, request, context);
    }

    /// <inheritdoc />
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    /// <inheritdoc />
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    /// <inheritdoc />
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    private async Task<TResponse> AwaitAsync<TRequest, TResponse>(Task<TResponse> call, TRequest request, ServerCallContext context)
    {
        try
        {
            return await call;
        }
        catch (Exception e) when (Replacement(e, request, context) is { } replacement)
        {
            throw replacement;
        }
    }

    private RpcException? Replacement(Exception exception, object? request, ServerCallContext context) => exception switch
    {
        // The health service says NOT_FOUND without a word; the caller should see which name was not known.
        RpcException { StatusCode: StatusCode.NotFound, Status.Detail.Length: 0 } when request is HealthCheckRequest health =>
            new RpcException(new Status(StatusCode.NotFound, $"service '{Quote.Prefix(health.Service, QuotedPrefix)}' is not known to this server")),
        RpcException => null,
        _ => Translate(exception, context),
    };

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        var translated = Answer(exception, context);
        HierarchyMeter.CallErrors.Add(1, new("method", context.Method), new("status", translated.StatusCode.ToString()));
        return translated;
    }

    private RpcException Answer(Exception exception, ServerCallContext context)
    {
        if (errors.Map(exception) is { } status)
        {
            // A message goes out as a header: however it was built, it must stay far below the header limits.
            return new RpcException(status.Detail.Length <= MaxDetail ? status : new Status(status.StatusCode, Quote.Prefix(status.Detail, MaxDetail)));
        }

        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
        }

        LogFault(logger, exception, context.Method);
        return new RpcException(new Status(StatusCode.Unknown, $"the server failed on {context.Method}; the fault is in its log"));
    }


    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed")]
    private static partial void LogFault(ILogger logger, Exception exception, string method);
}
