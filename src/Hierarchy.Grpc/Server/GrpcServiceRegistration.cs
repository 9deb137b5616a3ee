using Google.Protobuf.Reflection;

namespace Hierarchy.Grpc.Server;

/// <summary>A service registered with the host: its descriptor, and how to get the instance that handles it.</summary>
/// <param name="Descriptor">Gets the service descriptor.</param>
/// <param name="Resolve">Gets the instance from the service provider.</param>
public sealed record GrpcServiceRegistration(ServiceDescriptor Descriptor, Func<IServiceProvider, IGrpcService> Resolve);
