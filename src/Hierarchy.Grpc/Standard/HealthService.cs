using Google.Protobuf.Reflection;
using Hierarchy.Grpc.Health.V1;
using Hierarchy.Grpc.Protocol;
using Hierarchy.Grpc.Server;

namespace Hierarchy.Grpc.Standard;

/// <summary><c>grpc.health.v1.Health</c>: Check and Watch, for the whole server (empty name) or one service.</summary>
public sealed class HealthService(HealthStatusBoard board) : IGrpcService, IDescribedService
{
    /// <summary>Gets the methods of <c>grpc.health.v1.Health</c>.</summary>
    public static class Methods
    {
        /// <summary>Gets <c>Check</c>.</summary>
        public static readonly Method<HealthCheckRequest, HealthCheckResponse> Check =
            Method<HealthCheckRequest, HealthCheckResponse>.From(Descriptor, "Check");

        /// <summary>Gets <c>Watch</c>.</summary>
        public static readonly Method<HealthCheckRequest, HealthCheckResponse> Watch =
            Method<HealthCheckRequest, HealthCheckResponse>.From(Descriptor, "Watch");
    }

    /// <inheritdoc />
    public static ServiceDescriptor Descriptor => HealthReflection.Descriptor.Services[0];

    /// <inheritdoc />
    public void Bind(ServiceBinder binder) => binder
        .Unary(Methods.Check, Check)
        .ServerStreaming(Methods.Watch, WatchAsync);

    private ValueTask<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = board.Get(request.Service)
            ?? throw new RpcException(StatusCode.NotFound, $"service \"{request.Service}\" is not known to this server");
        return ValueTask.FromResult(new HealthCheckResponse { Status = status });
    }

    private async Task WatchAsync(
        HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        await foreach (var status in board.WatchAsync(request.Service, context.CancellationToken))
        {
            await responses.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken);
        }
    }
}
