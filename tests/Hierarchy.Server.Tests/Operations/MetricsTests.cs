using System.Net;
using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.Server.Startup;
using Hierarchy.Testing;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Operations;

/// <summary>Metrics and health over HTTP are for operators: off unless asked for, then on a port of their own.</summary>
public sealed class MetricsTests(MetricsTests.Server weidu) : IClassFixture<MetricsTests.Server>
{
    [Fact]
    public async Task The_metrics_port_exposes_the_projects_counters_each_grpc_method_and_the_kestrel_and_orleans_meters()
    {
        await weidu.Channel.Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = 1, Category = "sewage" }, WeiduServer.As("service"));
        await Assert.ThrowsAnyAsync<RpcException>(async () =>
            await weidu.Channel.Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = 1, Category = "ufo" }, WeiduServer.As("service")));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{weidu.MetricsPort}/metrics"));

        Assert.Contains("hierarchy_resolve_answers", text, StringComparison.Ordinal);
        Assert.Contains("hierarchy_rpc_errors", text, StringComparison.Ordinal);
        Assert.Contains("hierarchy_tree_version", text, StringComparison.Ordinal);
        Assert.Contains("hierarchy_tree_age_seconds", text, StringComparison.Ordinal);
        Assert.Contains("kestrel_", text, StringComparison.Ordinal);
        // Grpc.AspNetCore has no meter of its own: ASP.NET Core's request duration names each gRPC method as its route.
        Assert.Contains("http_route=\"/hierarchy.v1.ResponsibilityService/Resolve\"", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issues_by_status_reach_the_metrics_once_counted_in_the_background()
    {
        await weidu.Channel.Issues().ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = "metrics-issue",
            HouseholdId = 1,
            Category = "sewage",
            Channel = IssueChannel.Hotline,
            Description = "污水",
        }, WeiduServer.As("service"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // A scrape answers from the last count, at most 15 seconds old, and starts the next: scrape until the report is counted.
        var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{weidu.MetricsPort}/metrics"), patience.Token);
        while (!text.Contains("status=\"Reported\"", StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), patience.Token);
            text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{weidu.MetricsPort}/metrics"), patience.Token);
        }

        Assert.Contains("hierarchy_issues{", text, StringComparison.Ordinal);
        Assert.Contains("status=\"Reported\"", text, StringComparison.Ordinal);
        Assert.Contains("hierarchy_issues_overdue", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_and_readiness_answer_on_the_metrics_port(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        using var answer = await http.GetAsync(new Uri($"http://127.0.0.1:{weidu.MetricsPort}{path}"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    public sealed class Server : SqliteServerFixture
    {
        public int MetricsPort { get; } = LoopbackPort.Free();

        protected override async Task SeedAsync()
        {
            await using var stores = await StorageFactory.OpenAsync(Storage, CancellationToken.None);
            await WeiduSample.ImportAsync(stores);
        }

        protected override ServerSettings Configure(ServerSettings defaults) =>
            defaults with { MetricsListen = new IPEndPoint(IPAddress.Loopback, MetricsPort), Tokens = new Dictionary<string, string> { ["service"] = "service" } };
    }
}
