using System.Collections.Frozen;
using Hierarchy.Grpc.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hierarchy.Grpc.Server;

/// <summary>The request delegate that turns HTTP/2 requests into calls of bound gRPC methods.</summary>
public sealed partial class GrpcDispatcher
{
    private readonly FrozenDictionary<string, ServerMethod> _methods;
    private readonly GrpcServerOptions _options;
    private readonly IGrpcErrorMap? _errorMap;
    private readonly ILogger<GrpcDispatcher> _logger;

    /// <summary>Initializes a new instance of the <see cref="GrpcDispatcher"/> class, binding every registered service.</summary>
    public GrpcDispatcher(
        IEnumerable<GrpcServiceRegistration> registrations,
        IServiceProvider services,
        IOptions<GrpcServerOptions> options,
        ILogger<GrpcDispatcher> logger,
        IGrpcErrorMap? errorMap = null)
    {
        var methods = new Dictionary<string, ServerMethod>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            var binder = new ServiceBinder(registration.Descriptor);
            registration.Resolve(services).Bind(binder);
            foreach (var method in binder.Methods)
            {
                if (!methods.TryAdd(method.Path, method))
                {
                    throw new InvalidOperationException($"{method.Path} is registered twice");
                }
            }
        }

        _methods = methods.ToFrozenDictionary(StringComparer.Ordinal);
        _options = options.Value;
        _errorMap = errorMap;
        _logger = logger;
    }

    /// <summary>Handles one HTTP request as a gRPC call.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            await RefuseAsync(http, StatusCodes.Status405MethodNotAllowed, $"gRPC calls use POST, not {request.Method}");
            return;
        }

        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            await RefuseAsync(http, StatusCodes.Status426UpgradeRequired, $"gRPC needs HTTP/2, not {request.Protocol}");
            return;
        }

        if (!GrpcHeaders.IsGrpcContentType(request.ContentType))
        {
            await RefuseAsync(
                http, StatusCodes.Status415UnsupportedMediaType, $"content-type '{request.ContentType}' is not application/grpc");
            return;
        }

        var path = request.Path.Value ?? string.Empty;
        if (!_methods.TryGetValue(path, out var method))
        {
            await EndWithoutCallAsync(http, new Status(StatusCode.Unimplemented, $"method {path} is not implemented by this server"));
            return;
        }

        var encoding = request.Headers.GrpcEncoding.ToString();
        var gzip = encoding == GrpcHeaders.Gzip;
        if (!gzip && encoding.Length > 0 && encoding != GrpcHeaders.Identity)
        {
            await EndWithoutCallAsync(
                http, new Status(StatusCode.Unimplemented, $"grpc-encoding '{encoding}' is not supported; use {GrpcHeaders.SupportedEncodings}"));
            return;
        }

        TimeSpan? timeout = null;
        var timeoutText = request.Headers.GrpcTimeout.ToString();
        if (timeoutText.Length > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutText, out var parsed))
            {
                await EndWithoutCallAsync(http, new Status(StatusCode.InvalidArgument, $"grpc-timeout '{timeoutText}' is malformed"));
                return;
            }

            timeout = parsed;
        }

        using var call = new GrpcCall(http, path, _options, gzip, timeout);
        await RunAsync(call, method);
    }

    private async Task RunAsync(GrpcCall call, ServerMethod method)
    {
        Status status;
        try
        {
            await method.InvokeAsync(call);
            status = Status.Ok;
        }
        catch (Exception e)
        {
            status = StatusOf(e, call);
        }

        await call.CompleteAsync(status, sendNow: false);
        await call.StopDeadlineAsync();
    }

    private Status StatusOf(Exception exception, GrpcCall call)
    {
        if (exception is RpcException rpc)
        {
            return rpc.Status;
        }

        if (exception is OperationCanceledException && call.DeadlineExceeded)
        {
            return new Status(StatusCode.DeadlineExceeded, "deadline exceeded");
        }

        if (exception is OperationCanceledException && call.ClientGone)
        {
            return new Status(StatusCode.Cancelled, "the client cancelled the call");
        }

        if (_errorMap?.Map(exception) is { } mapped)
        {
            return mapped;
        }

        LogUnexpected(_logger, exception, call.Context.Method);
        return new Status(StatusCode.Unknown, "the server failed to handle the call; its log names the cause");
    }

    private static Task EndWithoutCallAsync(HttpContext http, Status status)
    {
        GrpcCall.SetResponseHeaders(http.Response);
        http.Response.Headers[GrpcHeaders.Status] = GrpcCall.StatusText(status.Code);
        http.Response.Headers[GrpcHeaders.Message] = GrpcMessageText.Encode(status.Detail);
        return Task.CompletedTask;
    }

    private static async Task RefuseAsync(HttpContext http, int httpStatus, string message)
    {
        http.Response.StatusCode = httpStatus;
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.Headers[GrpcHeaders.Status] = GrpcCall.StatusText(StatusCode.Internal);
        http.Response.Headers[GrpcHeaders.Message] = GrpcMessageText.Encode(message);
        await http.Response.WriteAsync(message + "\n", http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "gRPC method {Method} failed with an unexpected exception")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method);
}
