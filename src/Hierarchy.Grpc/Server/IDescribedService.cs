using Google.Protobuf.Reflection;

namespace Hierarchy.Grpc.Server;

/// <summary>A service type that names the descriptor generated from its .proto, so the host knows it before building it.</summary>
public interface IDescribedService
{
    /// <summary>Gets the descriptor generated from the service's .proto.</summary>
    static abstract ServiceDescriptor Descriptor { get; }
}
