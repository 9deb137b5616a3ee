using System.IO.Pipelines;
using Google.Protobuf;
using Hierarchy.Grpc.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hierarchy.Grpc.Server;

/// <summary>One server-side call: reads request frames, writes response frames, and ends the call exactly once.</summary>
internal sealed class GrpcCall : IDisposable
{
    private readonly HttpContext _http;
    private readonly GrpcServerOptions _options;
    private readonly bool _gzip;
    private readonly CancellationTokenSource? _deadlineSource;
    // Only a deadline can end the call while the handler still writes, so only then do writes need a lock.
    private readonly SemaphoreSlim? _writeLock;
    private readonly CancellationTokenRegistration _deadlineRegistration;
    private Task _deadlineCompletion = Task.CompletedTask;
    private bool _wroteMessage;
    private bool _completed;

    public GrpcCall(HttpContext http, string method, GrpcServerOptions options, bool gzip, TimeSpan? timeout)
    {
        _http = http;
        _options = options;
        _gzip = gzip;
        var deadline = DateTime.MaxValue;
        var token = http.RequestAborted;
        if (timeout is { } t)
        {
            deadline = DateTime.UtcNow + t;
            _writeLock = new SemaphoreSlim(1, 1);
            _deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            _deadlineSource.CancelAfter(t);
            token = _deadlineSource.Token;
            _deadlineRegistration = token.Register(static state => ((GrpcCall)state!).EndAtDeadline(), this);
        }

        Context = new ServerCallContext(http, method, deadline, token);
    }

    public ServerCallContext Context { get; }


    /// <summary>Gets whether the call's deadline passed (rather than the client going away).</summary>
    public bool DeadlineExceeded =>
        _deadlineSource is { IsCancellationRequested: true } && !_http.RequestAborted.IsCancellationRequested;

    public bool ClientGone => _http.RequestAborted.IsCancellationRequested;

    /// <summary>Reads the next request message; null at the end of the request stream.</summary>
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var (message, _) = await ReadFrameAsync(parser);
        return message;
    }

    /// <summary>Reads the single message of a unary or server-streaming request.</summary>
    public ValueTask<T> ReadSingleAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        // Kestrel usually has the whole request, END_STREAM included, before the handler runs: take it without an async hop.
        var reader = _http.Request.BodyReader;
        if (reader.TryRead(out var result))
        {
            var buffer = result.Buffer;
            T? message;
            try
            {
                if (MessageFrame.TryRead(ref buffer, parser, _options.MaxReceiveMessageSize, _gzip, out message)
                    && result.IsCompleted && buffer.IsEmpty)
                {
                    reader.AdvanceTo(buffer.End);
                    return ValueTask.FromResult(message!);
                }
            }
            catch (RpcException)
            {
                reader.AdvanceTo(result.Buffer.End);
                throw;
            }

            // Not all there yet: leave it unread and let the general path wait for the rest.
            reader.AdvanceTo(result.Buffer.Start, result.IsCompleted ? result.Buffer.Start : result.Buffer.End);
        }

        return ReadSingleSlowlyAsync(parser);
    }

    private async ValueTask<T> ReadSingleSlowlyAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var (message, ended) = await ReadFrameAsync(parser);
        if (message is null)
        {
            throw new RpcException(StatusCode.Internal, "request carried no message; this method takes exactly one");
        }

        if (!ended && await ReadAsync(parser) is not null)
        {
            throw new RpcException(StatusCode.Internal, "request carried more than one message; this method takes exactly one");
        }

        return message;
    }

    /// <summary>Reads the next message, and whether the request stream is known to end right after it.</summary>
    private async ValueTask<(T? Message, bool Ended)> ReadFrameAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var reader = _http.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(Context.CancellationToken);
            var buffer = result.Buffer;
            try
            {
                if (MessageFrame.TryRead(ref buffer, parser, _options.MaxReceiveMessageSize, _gzip, out var message))
                {
                    reader.AdvanceTo(buffer.Start);
                    return (message, result.IsCompleted && buffer.IsEmpty);
                }
            }
            catch (RpcException)
            {
                reader.AdvanceTo(buffer.End);
                throw;
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                if (buffer.Length == 0)
                {
                    return (null, true);
                }

                throw new RpcException(
                    StatusCode.Internal, $"request ended inside a message frame ({buffer.Length} bytes of an incomplete frame)");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Writes one response message; a flush sends it now (streams), else it goes out with the trailers (unary).</summary>
    public Task WriteAsync(IMessage message, bool flush) =>
        WriteFrameAsync(message, static (writer, m, max) => MessageFrame.Write(writer, m, max), flush);

    /// <summary>Writes one response message that is encoded already; it goes out with the trailers.</summary>
    public Task WriteAsync(EncodedMessage message) =>
        WriteFrameAsync(message, static (writer, m, max) => MessageFrame.Write(writer, m, max), flush: false);

    private async Task WriteFrameAsync<TMessage>(TMessage message, Action<PipeWriter, TMessage, int> write, bool flush)
    {
        if (_writeLock is not null)
        {
            await _writeLock.WaitAsync(Context.CancellationToken);
        }

        try
        {
            if (_completed)
            {
                throw new RpcException(StatusCode.Cancelled, "the call has already ended");
            }

            if (!_wroteMessage)
            {
                _wroteMessage = true;
                SetResponseHeaders(_http.Response);
            }

            write(_http.Response.BodyWriter, message, _options.MaxSendMessageSize);
            if (flush)
            {
                await _http.Response.BodyWriter.FlushAsync(Context.CancellationToken);
            }
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    /// <summary>Ends the call unless it has already ended; writes nothing for a client that went away.</summary>
    /// <param name="status">The status sent in the trailers.</param>
    /// <param name="sendNow">Whether to end the HTTP/2 stream now rather than when the request delegate returns.</param>
    public async Task CompleteAsync(Status status, bool sendNow)
    {
        if (_writeLock is not null)
        {
            await _writeLock.WaitAsync(CancellationToken.None);
        }

        try
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            if (ClientGone)
            {
                return;
            }

            var response = _http.Response;
            if (!_wroteMessage && !response.HasStarted)
            {
                // Trailers-only: the status rides in the only HEADERS frame.
                SetResponseHeaders(response);
                response.Headers[GrpcHeaders.Status] = StatusText(status.Code);
                if (status.Detail.Length > 0)
                {
                    response.Headers[GrpcHeaders.Message] = GrpcMessageText.Encode(status.Detail);
                }
            }
            else
            {
                var trailers = _http.Features.Get<IHttpResponseTrailersFeature>()?.Trailers
                    ?? throw new InvalidOperationException("the transport cannot send trailers, which gRPC needs");
                trailers.GrpcStatus = StatusText(status.Code);
                if (status.Detail.Length > 0)
                {
                    trailers.GrpcMessage = GrpcMessageText.Encode(status.Detail);
                }
            }

            if (sendNow)
            {
                await response.CompleteAsync();
            }
        }
        finally
        {
            _writeLock?.Release();
        }
    }

    /// <summary>Stops watching the deadline and waits for an ending it already started.</summary>
    public Task StopDeadlineAsync()
    {
        // Disposing the registration waits for a callback that is running, so the task read below is its own.
        _deadlineRegistration.Dispose();
        return _deadlineCompletion;
    }

    public void Dispose()
    {
        _deadlineRegistration.Dispose();
        _deadlineSource?.Dispose();
        _writeLock?.Dispose();
    }

    private void EndAtDeadline()
    {
        if (DeadlineExceeded)
        {
            // The client is told now, even when the handler does not watch its token.
            _deadlineCompletion = CompleteAsync(new Status(StatusCode.DeadlineExceeded, "deadline exceeded"), sendNow: true);
        }
    }

    internal static void SetResponseHeaders(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcHeaders.ContentType;
        response.Headers.GrpcAcceptEncoding = GrpcHeaders.SupportedEncodings;
    }

    internal static string StatusText(StatusCode code) => code switch
    {
        StatusCode.OK => "0",
        _ => ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
