using Google.Protobuf;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Hierarchy.Server.Pipeline;

/// <summary>
/// A standard service's descriptor under the file name gRPC publishes it with (<c>grpc/health/v1/health.proto</c>):
/// the library packages compile it as a bare <c>health.proto</c>, and reflection clients resolve files by their real name.
/// </summary>
public static class CanonicalDescriptor
{
    /// <summary>Gets <paramref name="service"/> as declared in a file named <paramref name="fileName"/>.</summary>
    public static ServiceDescriptor Of(ServiceDescriptor service, string fileName)
    {
        if (service.File.Name == fileName)
        {
            return service;
        }

        var file = FileDescriptorProto.Parser.ParseFrom(service.File.SerializedData);
        file.Name = fileName;
        var renamed = FileDescriptor.BuildFromByteStrings([.. service.File.Dependencies.Select(d => d.SerializedData), file.ToByteString()]);
        return renamed[^1].Services.Single(s => s.Name == service.Name);
    }
}
