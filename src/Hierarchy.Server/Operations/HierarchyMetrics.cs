using System.Diagnostics.Metrics;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Grains.Observability;
using Hierarchy.Server.Replication;
using Hierarchy.Storage.Stores;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace Hierarchy.Server.Operations;

/// <summary>
/// Metrics through OpenTelemetry: ASP.NET Core's (each gRPC method is a route: Grpc.AspNetCore has no meter yet, and is
/// listened to should it gain one), Kestrel's, Orleans', Npgsql's and the project's own meters, scraped at <c>/metrics</c> on
/// the metrics port and exported over OTLP when an endpoint is configured; beside them
/// <c>/healthz</c> (the process answers) and <c>/readyz</c> (the read model is loaded and the database answers).
/// </summary>
public static partial class HierarchyMetrics
{
    private static readonly string[] Meters =
    [
        HierarchyMeter.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Grpc.AspNetCore.Server", "Microsoft.Orleans", "Npgsql",
    ];

    /// <summary>Registers the meters and exporters when the metrics port or OTLP is asked for; nothing otherwise.</summary>
    public static IServiceCollection AddHierarchyMetrics(this IServiceCollection services, ServerSettings settings, HierarchyState state)
    {
        var otlp = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        if (settings.MetricsListen is null && !otlp)
        {
            return services;
        }

        // A hosted service, so the host builds the gauges at start whichever exporter is on.
        services.AddHostedService(sp => new ReadModelGauges(
            sp.GetRequiredService<IMeterFactory>(), state, sp.GetRequiredService<ChangeFeedFollower>(),
            new IssueCounts(sp.GetRequiredService<IIssueStore>(), sp.GetRequiredKeyedService<TimeProvider>(ServerSettings.ClockKey),
                sp.GetRequiredService<ILogger<IssueCounts>>())));
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(Meters);
            if (settings.MetricsListen is not null)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });
        return services;
    }

    /// <summary>Maps <c>/metrics</c>, <c>/healthz</c> and <c>/readyz</c> on the metrics port only.</summary>
    public static void MapHierarchyMetrics(this WebApplication app, int port)
    {
        var host = $"*:{port}";
        app.MapPrometheusScrapingEndpoint("/metrics").RequireHost(host);
        app.MapGet("/healthz", () => Results.Text("ok\n")).RequireHost(host);
        app.MapGet("/readyz", async (HealthCheckService health, CancellationToken cancellationToken) =>
            (await health.CheckHealthAsync(cancellationToken)).Status == HealthStatus.Healthy
                ? Results.Text("ready\n")
                : Results.Text("not ready: the read model is loading or the database does not answer\n", statusCode: StatusCodes.Status503ServiceUnavailable))
            .RequireHost(host);
    }

    /// <summary>What the silo's read model holds — the tree version it answers from and since when, the feed position, households — and the issues by status.</summary>
    private sealed class ReadModelGauges : IHostedService
    {
        public ReadModelGauges(IMeterFactory meters, HierarchyState state, ChangeFeedFollower follower, IssueCounts issues)
        {
            var meter = meters.Create(HierarchyMeter.Name);
            meter.CreateObservableGauge("hierarchy.tree.version", () => state.Tree.Version, "{version}", "the tree version this silo answers from");
            meter.CreateObservableGauge("hierarchy.tree.age", () => state.TreeAge.TotalSeconds, "s", "how long this silo has answered from its tree version");
            meter.CreateObservableGauge("hierarchy.issues", issues.Observe, "{issue}", "issues by status, counted in the database at most every 15 seconds");
            meter.CreateObservableGauge("hierarchy.issues.overdue", issues.ObserveOverdue, "{issue}", "open issues past their time limit, counted with the issues by status");
            meter.CreateObservableGauge("hierarchy.feed.position", () => follower.Position, "{position}", "the change feed position this silo applied");
            meter.CreateObservableGauge("hierarchy.households", () => state.Households.Count, "{household}", "households in this silo's read model");
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>The issues by status, counted in the background: a scrape answers from the last count and never waits for the database.</summary>
    private sealed partial class IssueCounts(IIssueStore issues, TimeProvider clock, ILogger<IssueCounts> logger)
    {
        private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(15);
        private IReadOnlyDictionary<Domain.Issues.IssueStatus, long> _last = new Dictionary<Domain.Issues.IssueStatus, long>();
        private long _overdue;
        // 0 until the first count.
        private long _countedAt;
        private int _counting;

        public IEnumerable<Measurement<long>> Observe()
        {
            RefreshIfStale();
            return Volatile.Read(ref _last).Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("status", c.Key.ToString())));
        }

        public long ObserveOverdue()
        {
            RefreshIfStale();
            return Interlocked.Read(ref _overdue);
        }

        private void RefreshIfStale()
        {
            var countedAt = Interlocked.Read(ref _countedAt);
            if ((countedAt == 0 || System.Diagnostics.Stopwatch.GetElapsedTime(countedAt) > Fresh) && Interlocked.Exchange(ref _counting, 1) == 0)
            {
                _ = CountAsync();
            }
        }

        private async Task CountAsync()
        {
            try
            {
                Volatile.Write(ref _last, await issues.CountByStatusAsync(CancellationToken.None));
                Interlocked.Exchange(ref _overdue, await issues.CountOverdueAsync(clock.GetUtcNow(), CancellationToken.None));
                Interlocked.Exchange(ref _countedAt, System.Diagnostics.Stopwatch.GetTimestamp());
            }
            catch (Exception e) when (e is Storage.StorageUnavailableException or TimeoutException)
            {
                LogCountFailed(logger, e);
            }
            finally
            {
                Volatile.Write(ref _counting, 0);
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Issues could not be counted for the metrics; the last count stands")]
        private static partial void LogCountFailed(ILogger logger, Exception exception);
    }
}
