using Hierarchy.Grpc.Protocol;

namespace Hierarchy.Grpc.Server;

/// <summary>Turns the exceptions a host's handlers throw into gRPC statuses; the one place a host maps its errors.</summary>
public interface IGrpcErrorMap
{
    /// <summary>Returns the status for <paramref name="exception"/>, or null when the exception is not one the host expects.</summary>
    Status? Map(Exception exception);
}
