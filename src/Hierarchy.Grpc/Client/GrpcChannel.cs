using System.Net;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Hierarchy.Grpc.Protocol;

namespace Hierarchy.Grpc.Client;

/// <summary>A connection to a gRPC server over HTTP/2 (cleartext with prior knowledge, or TLS), shared by concurrent calls.</summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly Uri _address;
    private readonly HttpMessageInvoker _invoker;

    private GrpcChannel(Uri address, HttpMessageHandler handler, GrpcChannelOptions options)
    {
        _address = address;
        _invoker = new HttpMessageInvoker(handler, disposeHandler: true);
        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        MaxSendMessageSize = options.MaxSendMessageSize;
    }

    /// <summary>Gets the largest message accepted from the server.</summary>
    public int MaxReceiveMessageSize { get; }

    /// <summary>Gets the largest message sent to the server.</summary>
    public int MaxSendMessageSize { get; }

    /// <summary>Creates a channel to <paramref name="address"/>, such as <c>http://127.0.0.1:50051</c>.</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) => ForAddress(new Uri(address), options);

    /// <summary>Creates a channel to <paramref name="address"/>.</summary>
    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        options ??= new GrpcChannelOptions();
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };
        if (options.ServerCertificateValidation is { } validation)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validation;
        }

        return new GrpcChannel(address, handler, options);
    }

    /// <summary>Calls a unary method.</summary>
    /// <exception cref="RpcException">The call ended with a status other than OK.</exception>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        await using var call = new ClientCall(_invoker, options, MaxReceiveMessageSize);
        await call.StartAsync(CreateRequest(method.Path, new ByteArrayContent(Frame(request)), options));
        return await call.ReadSingleAsync(method.ResponseParser);
    }

    /// <summary>Calls a server-streaming method; the sequence ends when the server ends the call with OK.</summary>
    public IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        ReadAllAsync(method, new ByteArrayContent(Frame(request)), options);

    /// <summary>Calls a client-streaming method.</summary>
    public async Task<TResponse> ClientStreamingAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, IAsyncEnumerable<TRequest> requests, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        await using var call = new ClientCall(_invoker, options, MaxReceiveMessageSize);
        var content = new FramedRequestContent<TRequest>(requests, MaxSendMessageSize, call.Token);
        await call.StartAsync(CreateRequest(method.Path, content, options));
        return await call.ReadSingleAsync(method.ResponseParser);
    }

    /// <summary>Calls a bidirectional streaming method: requests are sent as they are produced, responses read as they come.</summary>
    public IAsyncEnumerable<TResponse> DuplexStreamingAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, IAsyncEnumerable<TRequest> requests, CallOptions options = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        ReadAllAsync(method, requests, options);

    /// <inheritdoc />
    public void Dispose() => _invoker.Dispose();

    private async IAsyncEnumerable<TResponse> ReadAllAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, IAsyncEnumerable<TRequest> requests, CallOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        await using var call = new ClientCall(_invoker, options, MaxReceiveMessageSize);
        var content = new FramedRequestContent<TRequest>(requests, MaxSendMessageSize, call.Token);
        await call.StartAsync(CreateRequest(method.Path, content, options));
        while (await call.ReadAsync(method.ResponseParser) is { } message)
        {
            yield return message;
        }
    }

    private async IAsyncEnumerable<TResponse> ReadAllAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, HttpContent content, CallOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        await using var call = new ClientCall(_invoker, options, MaxReceiveMessageSize);
        await call.StartAsync(CreateRequest(method.Path, content, options));
        while (await call.ReadAsync(method.ResponseParser) is { } message)
        {
            yield return message;
        }
    }

    private byte[] Frame(IMessage message)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(MessageFrame.HeaderSize + message.CalculateSize());
        MessageFrame.Write(buffer, message, MaxSendMessageSize);
        return buffer.WrittenSpan.ToArray();
    }

    private HttpRequestMessage CreateRequest(string path, HttpContent content, CallOptions options)
    {
        content.Headers.TryAddWithoutValidation("content-type", GrpcHeaders.ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation(GrpcHeaders.AcceptEncoding, GrpcHeaders.SupportedEncodings);
        if (options.Timeout is { } timeout)
        {
            request.Headers.TryAddWithoutValidation(GrpcHeaders.Timeout, GrpcTimeout.Format(timeout));
        }

        foreach (var (key, value) in options.Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }

        return request;
    }
}
