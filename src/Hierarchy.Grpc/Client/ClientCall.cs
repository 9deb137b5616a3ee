using System.IO.Pipelines;
using System.Net.Http.Headers;
using Google.Protobuf;
using Hierarchy.Grpc.Protocol;

namespace Hierarchy.Grpc.Client;

/// <summary>One client call in flight: sends the request, then reads response frames and the final status.</summary>
internal sealed class ClientCall : IAsyncDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly CancellationTokenSource _cancellation;
    private readonly CancellationToken _userToken;
    private readonly int _maxReceive;
    private HttpResponseMessage? _response;
    private PipeReader? _body;

    public ClientCall(HttpMessageInvoker invoker, CallOptions options, int maxReceive)
    {
        _invoker = invoker;
        _userToken = options.CancellationToken;
        _maxReceive = maxReceive;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        if (options.Timeout is { } timeout)
        {
            _cancellation.CancelAfter(timeout);
        }
    }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>Sends the request and waits for the response headers; a trailers-only error is thrown here.</summary>
    public async Task StartAsync(HttpRequestMessage request)
    {
        try
        {
            _response = await _invoker.SendAsync(request, _cancellation.Token);
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }

        if (_response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            throw new RpcException(
                HttpStatusMapping.ToStatusCode(_response.StatusCode), $"HTTP status {(int)_response.StatusCode} from the server");
        }

        if (!GrpcHeaders.IsGrpcContentType(_response.Content.Headers.ContentType?.ToString()))
        {
            throw new RpcException(StatusCode.Unknown, $"response content-type '{_response.Content.Headers.ContentType}' is not application/grpc");
        }

        if (StatusFrom(_response.Headers) is { } trailersOnly)
        {
            ThrowIfError(trailersOnly);
        }
    }

    /// <summary>Reads the next response message, or null once the server has ended the stream with OK.</summary>
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var response = _response ?? throw new InvalidOperationException("the call has not started");
        if (StatusFrom(response.Headers) is not null)
        {
            return null;
        }

        try
        {
            _body ??= PipeReader.Create(await response.Content.ReadAsStreamAsync(_cancellation.Token));
            while (true)
            {
                var result = await _body.ReadAsync(_cancellation.Token);
                var buffer = result.Buffer;
                if (MessageFrame.TryRead(ref buffer, parser, _maxReceive, gzip: IsGzip(response), out var message))
                {
                    _body.AdvanceTo(buffer.Start);
                    return message;
                }

                if (result.IsCompleted)
                {
                    _body.AdvanceTo(buffer.End);
                    if (buffer.Length > 0)
                    {
                        throw new RpcException(StatusCode.Internal, "response ended inside a message frame");
                    }

                    ThrowIfError(StatusFrom(response.TrailingHeaders)
                        ?? new Status(StatusCode.Internal, "response ended without grpc-status"));
                    return null;
                }

                _body.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Reads the single response of a unary or client-streaming call and the OK status after it.</summary>
    public async Task<T> ReadSingleAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var message = await ReadAsync(parser) ?? throw new RpcException(StatusCode.Internal, "the server sent no response message");
        if (await ReadAsync(parser) is not null)
        {
            throw new RpcException(StatusCode.Internal, "the server sent more than one response message");
        }

        return message;
    }

    public async ValueTask DisposeAsync()
    {
        if (_body is not null)
        {
            await _body.CompleteAsync();
        }

        // Disposing a response that is still open resets the HTTP/2 stream, which the server sees as cancellation.
        _response?.Dispose();
        _cancellation.Dispose();
    }

    private Exception? Translate(Exception e) => e switch
    {
        RpcException => null,
        OperationCanceledException when _userToken.IsCancellationRequested => new RpcException(StatusCode.Cancelled, "the call was cancelled"),
        OperationCanceledException when _cancellation.IsCancellationRequested => new RpcException(StatusCode.DeadlineExceeded, "deadline exceeded"),
        HttpRequestException or IOException => new RpcException(StatusCode.Unavailable, $"the server could not be reached: {e.Message}"),
        _ => null,
    };

    private static bool IsGzip(HttpResponseMessage response) =>
        response.Headers.TryGetValues(GrpcHeaders.Encoding, out var values) && values.Contains(GrpcHeaders.Gzip);

    private static Status? StatusFrom(HttpHeaders headers)
    {
        if (!headers.TryGetValues(GrpcHeaders.Status, out var codes))
        {
            return null;
        }

        var message = headers.TryGetValues(GrpcHeaders.Message, out var messages) ? GrpcMessageText.Decode(messages.First()) : string.Empty;
        return int.TryParse(codes.First(), out var code) && code is >= 0 and <= 16
            ? new Status((StatusCode)code, message)
            : new Status(StatusCode.Unknown, $"grpc-status '{codes.First()}' is not a status code; message: {message}");
    }

    private static void ThrowIfError(Status status)
    {
        if (status.Code != StatusCode.OK)
        {
            throw new RpcException(status.Code, status.Detail);
        }
    }
}
