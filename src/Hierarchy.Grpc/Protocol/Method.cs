using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Hierarchy.Grpc.Protocol;

/// <summary>A typed gRPC method taken from a generated service descriptor; shared by server bindings and client calls.</summary>
/// <typeparam name="TRequest">The request message.</typeparam>
/// <typeparam name="TResponse">The response message.</typeparam>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    private Method(MethodDescriptor descriptor)
    {
        Descriptor = descriptor;
        Type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        Path = $"/{descriptor.Service.FullName}/{descriptor.Name}";
    }

    /// <summary>Gets the method's descriptor.</summary>
    public MethodDescriptor Descriptor { get; }

    /// <summary>Gets the shape of the method.</summary>
    public MethodType Type { get; }

    /// <summary>Gets the HTTP/2 path, <c>/package.Service/Method</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the parser of request messages.</summary>
    public MessageParser<TRequest> RequestParser { get; } = new(() => new TRequest());

    /// <summary>Gets the parser of response messages.</summary>
    public MessageParser<TResponse> ResponseParser { get; } = new(() => new TResponse());

    /// <summary>Finds <paramref name="name"/> in <paramref name="service"/> and checks that its message types are the generic arguments.</summary>
    /// <exception cref="ArgumentException">The method does not exist or its types differ.</exception>
    public static Method<TRequest, TResponse> From(ServiceDescriptor service, string name)
    {
        var descriptor = service.FindMethodByName(name)
            ?? throw new ArgumentException($"service {service.FullName} has no method {name}", nameof(name));
        if (descriptor.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new ArgumentException(
                $"{service.FullName}/{name} takes {descriptor.InputType.FullName} and returns {descriptor.OutputType.FullName}, not {typeof(TRequest).Name} and {typeof(TResponse).Name}",
                nameof(name));
        }

        return new Method<TRequest, TResponse>(descriptor);
    }
}
