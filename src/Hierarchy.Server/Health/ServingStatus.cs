using Grpc.AspNetCore.HealthChecks;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Hierarchy.Server.Health;

/// <summary>
/// The serving status around start-up: every service reads NOT_SERVING before the server listens, and the first health
/// report is published as soon as it does, so a caller that checks right after start gets a real answer at once.
/// </summary>
public static class ServingStatus
{
    /// <summary>Marks the server and every mapped service NOT_SERVING.</summary>
    public static void MarkNotServing(IServiceProvider services)
    {
        var health = services.GetRequiredService<HealthServiceImpl>();
        foreach (var mapping in services.GetRequiredService<IOptions<GrpcHealthChecksOptions>>().Value.Services)
        {
            health.SetStatus(mapping.Name, HealthCheckResponse.Types.ServingStatus.NotServing);
        }
    }

    /// <summary>Runs the health checks once and publishes the report to the gRPC health service.</summary>
    public static async Task PublishAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(cancellationToken);
        foreach (var publisher in services.GetServices<IHealthCheckPublisher>())
        {
            await publisher.PublishAsync(report, cancellationToken);
        }
    }
}
