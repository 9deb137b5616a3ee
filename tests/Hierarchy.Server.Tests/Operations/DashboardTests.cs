using System.Net;
using Hierarchy.Server.Startup;
using Hierarchy.Testing;

namespace Hierarchy.Server.Tests.Operations;

/// <summary>The Orleans Dashboard is for operators: off unless asked for, and then on a port of its own, beside gRPC.</summary>
public sealed class DashboardTests(DashboardTests.Server weidu) : IClassFixture<DashboardTests.Server>
{
    [Fact]
    public async Task The_dashboard_asked_for_answers_a_browser_on_its_own_port()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        using var page = await http.GetAsync(new Uri($"http://127.0.0.1:{weidu.DashboardPort}/"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_grpc_port_does_not_serve_the_dashboard()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30), DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var page = await http.GetAsync(weidu.Server.Address);

        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }

    public sealed class Server : SqliteServerFixture
    {
        public int DashboardPort { get; } = LoopbackPort.Free();

        protected override async Task SeedAsync()
        {
            await using var stores = await StorageFactory.OpenAsync(Storage, CancellationToken.None);
            await WeiduSample.ImportAsync(stores);
        }

        protected override ServerSettings Configure(ServerSettings defaults) =>
            defaults with { DashboardListen = new IPEndPoint(IPAddress.Loopback, DashboardPort), Tokens = new Dictionary<string, string>() };
    }
}
