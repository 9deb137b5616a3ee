namespace Hierarchy.Grpc.Server;

/// <summary>A service implementation: binds handlers to the methods of its descriptor.</summary>
public interface IGrpcService
{
    /// <summary>Binds the service's handlers.</summary>
    void Bind(ServiceBinder binder);
}
