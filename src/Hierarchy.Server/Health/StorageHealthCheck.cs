using Hierarchy.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hierarchy.Server.Health;

/// <summary>Ready while the database answers a query: writes, issues and statistics all need it.</summary>
public sealed class StorageHealthCheck(StoreSet stores) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await stores.Database.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{stores.Database.Dialect} answers");
        }
        catch (Exception e) when (stores.Database.IsUnavailable(e) || e is StorageUnavailableException or TimeoutException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{stores.Database.Dialect} does not answer", e);
        }
    }
}
