using Google.Protobuf;
using Google.Protobuf.Reflection;
using Hierarchy.Grpc.Protocol;

namespace Hierarchy.Grpc.Server;

/// <summary>Binds the methods of one service descriptor to typed handlers.</summary>
public sealed class ServiceBinder
{
    private readonly ServiceDescriptor _service;
    private readonly List<ServerMethod> _methods = [];

    internal ServiceBinder(ServiceDescriptor service)
    {
        _service = service;
    }

    internal IReadOnlyList<ServerMethod> Methods => _methods;

    /// <summary>Binds a unary method.</summary>
    public ServiceBinder Unary<TRequest, TResponse>(
        Method<TRequest, TResponse> method, Func<TRequest, ServerCallContext, ValueTask<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        Check(method, MethodType.Unary);
        _methods.Add(new ServerMethod(method.Path, async call =>
        {
            var request = await call.ReadSingleAsync(method.RequestParser);
            var response = await handler(request, call.Context);
            await call.WriteAsync(response, flush: false);
        }));
        return this;
    }

    /// <summary>Binds a unary method whose handler returns its response encoded already (a hot path sending cached bytes).</summary>
    /// <remarks>The handler vouches that the bytes are a valid <typeparamref name="TResponse"/>.</remarks>
    public ServiceBinder UnaryEncoded<TRequest, TResponse>(
        Method<TRequest, TResponse> method, Func<TRequest, ServerCallContext, ValueTask<EncodedMessage>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        Check(method, MethodType.Unary);
        _methods.Add(new ServerMethod(method.Path, async call =>
        {
            var request = await call.ReadSingleAsync(method.RequestParser);
            await call.WriteAsync(await handler(request, call.Context));
        }));
        return this;
    }

    /// <summary>Binds a server-streaming method.</summary>
    public ServiceBinder ServerStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        Check(method, MethodType.ServerStreaming);
        _methods.Add(new ServerMethod(method.Path, async call =>
        {
            var request = await call.ReadSingleAsync(method.RequestParser);
            await handler(request, new ResponseStream<TResponse>(call), call.Context);
        }));
        return this;
    }

    /// <summary>Binds a client-streaming method.</summary>
    public ServiceBinder ClientStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, Func<IAsyncEnumerable<TRequest>, ServerCallContext, ValueTask<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        Check(method, MethodType.ClientStreaming);
        _methods.Add(new ServerMethod(method.Path, async call =>
        {
            var response = await handler(RequestStream.Read(call, method.RequestParser), call.Context);
            await call.WriteAsync(response, flush: false);
        }));
        return this;
    }

    /// <summary>Binds a bidirectional streaming method.</summary>
    public ServiceBinder DuplexStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        Func<IAsyncEnumerable<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        Check(method, MethodType.DuplexStreaming);
        _methods.Add(new ServerMethod(method.Path, call =>
            handler(RequestStream.Read(call, method.RequestParser), new ResponseStream<TResponse>(call), call.Context)));
        return this;
    }

    private void Check<TRequest, TResponse>(Method<TRequest, TResponse> method, MethodType expected)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        if (method.Descriptor.Service != _service)
        {
            throw new ArgumentException($"{method.Path} is not a method of {_service.FullName}", nameof(method));
        }

        if (method.Type != expected)
        {
            throw new ArgumentException($"{method.Path} is {method.Type}, not {expected}", nameof(method));
        }

        if (_methods.Any(m => m.Path == method.Path))
        {
            throw new ArgumentException($"{method.Path} is bound twice", nameof(method));
        }
    }
}
