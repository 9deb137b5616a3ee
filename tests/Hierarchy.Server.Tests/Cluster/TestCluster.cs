using System.Diagnostics;
using System.Net;
using Grpc.Net.Client;
using Hierarchy.Server.Replication;
using Hierarchy.Server.Startup;
using Hierarchy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hierarchy.Server.Tests.Cluster;

/// <summary>
/// The TestingHost counterpart: several server replicas in this process, each on its own loopback port, sharing one fresh
/// PostgreSQL database holding 许昌市魏都区; nodes can be stopped, killed, restarted and cut off from the database.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly List<HierarchyServer?> _nodes = [];
    private readonly List<GrpcChannel?> _channels = [];
    private readonly List<(int Silo, int Gateway)> _siloPorts = [];

    private readonly Func<ServerSettings, ServerSettings> _configure;

    private TestCluster(string connectionString, MovableClock clock, Func<ServerSettings, ServerSettings>? configure)
    {
        ConnectionString = connectionString;
        Clock = clock;
        _configure = configure ?? (s => s);
    }

    public string ConnectionString { get; }

    public MovableClock Clock { get; }

    public StorageSettings Storage => new(StorageEngine.PostgreSql, ConnectionString);

    public static async Task<TestCluster> StartAsync(int nodes, Import.SynthesisPlan? plan = null, Func<ServerSettings, ServerSettings>? configure = null)
    {
        var cluster = new TestCluster(await TestPostgres.CreateDatabaseAsync("cluster"), new MovableClock(DateTimeOffset.UtcNow), configure);
        await using (var stores = await StorageFactory.OpenAsync(cluster.Storage, CancellationToken.None))
        {
            await WeiduSample.ImportAsync(stores, plan);
        }

        for (var i = 0; i < nodes; i++)
        {
            cluster._nodes.Add(null);
            cluster._channels.Add(null);
            cluster._siloPorts.Add((LoopbackPort.Free(), LoopbackPort.Free()));
            await cluster.RestartAsync(i);
        }

        return cluster;
    }

    public HierarchyServer Node(int i) => _nodes[i] ?? throw new InvalidOperationException($"node {i} is down");

    public GrpcChannel Channel(int i) => _channels[i] ?? throw new InvalidOperationException($"node {i} is down");

    /// <summary>Gets the community a household lives in, as node i's tree has it.</summary>
    public Domain.Organization.OrgUnit CommunityOf(int i, long household)
    {
        var tree = Node(i).State.Tree;
        Assert.True(tree.TryIndexOf(Node(i).State.Households.BuildingGroupOf(household), out var group));
        return tree.UnitAt(tree.ParentOf(tree.ParentOf(group)));
    }

    public ChangeFeedFollower Follower(int i) => Node(i).Services.GetRequiredService<ChangeFeedFollower>();

    /// <summary>Starts node i again (or for the first time) on a fresh gRPC port and its own silo ports.</summary>
    /// <remarks>A process restarted on its silo's address supersedes its old incarnation at once, as a restarted host's does.</remarks>
    public async Task RestartAsync(int i)
    {
        _nodes[i] = await HierarchyServer.StartAsync(
            _configure(new ServerSettings
            {
                Listen = new IPEndPoint(IPAddress.Loopback, 0),
                Storage = Storage,
                LoadSample = false,
                SweepInterval = null,
                Clock = Clock,
                NodeName = $"node-{i}",
                SiloPort = _siloPorts[i].Silo,
                GatewayPort = _siloPorts[i].Gateway,
                Tokens = new Dictionary<string, string> { ["admin"] = "admin:1", ["service"] = "service" },
            }),
            logging => logging.ClearProviders());
        _channels[i] = GrpcChannel.ForAddress(_nodes[i]!.Address);
    }

    /// <summary>Stops node i gracefully.</summary>
    public async Task StopAsync(int i)
    {
        _channels[i]?.Dispose();
        await Node(i).DisposeAsync();
        (_nodes[i], _channels[i]) = (null, null);
    }

    /// <summary>Kills node i: no draining, background work cut off mid-way.</summary>
    public async Task KillAsync(int i)
    {
        _channels[i]?.Dispose();
        await Node(i).KillAsync();
        (_nodes[i], _channels[i]) = (null, null);
    }

    /// <summary>Ends every database session of node i, as a network cut would.</summary>
    public async Task<int> CutDatabaseConnectionsAsync(int i)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @pool", connection);
        command.Parameters.AddWithValue("pool", $"hierarchy-node-{i}");
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until node i has applied the change feed up to <paramref name="position"/>.</summary>
    public Task WaitForPositionAsync(int i, long position, TimeSpan patience) => FeedPosition.WaitAsync(Node(i), position, patience);

    /// <summary>Stops the PostgreSQL server itself (the one ./test.sh started), fast: sessions are cut.</summary>
    public static Task StopDatabaseServerAsync() => PgCtlAsync("stop", "-m", "fast");

    /// <summary>Starts the PostgreSQL server again and waits until it accepts connections.</summary>
    public static Task StartDatabaseServerAsync() => PgCtlAsync("start", "-w");

    /// <summary>Gets why the database server cannot be stopped and started here; null when it can.</summary>
    public static string? ServerControlSkipReason =>
        TestPostgres.SkipReason ?? (Environment.GetEnvironmentVariable("HIERARCHY_TEST_PG_DATA") is null
            ? "HIERARCHY_TEST_PG_DATA is not set: only ./test.sh's private PostgreSQL may be stopped and started by tests"
            : null);

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _nodes.Count; i++)
        {
            if (_nodes[i] is not null)
            {
                await StopAsync(i);
            }
        }

        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }

    private static async Task PgCtlAsync(params string[] arguments)
    {
        var data = Environment.GetEnvironmentVariable("HIERARCHY_TEST_PG_DATA")!;
        var start = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-u", "postgres", "--", "/usr/lib/postgresql/15/bin/pg_ctl", "-D", data, "-l", Path.Combine(data, "log") }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl {string.Join(' ', arguments)} failed: {output}");
        }
    }

}
