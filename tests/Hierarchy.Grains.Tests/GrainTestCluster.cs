using Hierarchy.Domain.Access;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.People;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;
using Hierarchy.Grains.Sweeps;
using Hierarchy.Server;
using Hierarchy.Server.Cluster;
using Hierarchy.Server.Startup;
using Hierarchy.Storage;
using Hierarchy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Hierarchy.Grains.Tests;

/// <summary>
/// Orleans' TestingHost: several silos in this process with its in-memory membership, running Hierarchy's grains over a
/// fresh PostgreSQL database holding 许昌市魏都区. Grains are reached through the cluster's client, as a gRPC edge would.
/// </summary>
public sealed class GrainTestCluster : IAsyncDisposable
{
    private GrainTestCluster(InProcessTestCluster cluster, StoreSet stores, HierarchyState state, string connectionString, MovableClock clock)
    {
        (Cluster, Stores, State, ConnectionString, Clock) = (cluster, stores, state, connectionString, clock);
    }

    public HierarchyState State { get; }

    public InProcessTestCluster Cluster { get; }

    public StoreSet Stores { get; }

    public string ConnectionString { get; }

    public MovableClock Clock { get; }

    public IClusterClient Client => Cluster.Client;

    public static async Task<GrainTestCluster> StartAsync(short silos)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("grains");
        var storage = new StorageSettings(StorageEngine.PostgreSql, connectionString);
        var stores = await StorageFactory.OpenAsync(storage, CancellationToken.None);
        await WeiduSample.ImportAsync(stores);
        var state = await ReadModelLoader.LoadAsync(stores, CancellationToken.None);
        var clock = new MovableClock(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)));

        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddHierarchyErrors();
            silo.UseInMemoryReminderService();
            silo.AddAdoNetGrainStorage(GrainStorage.Name, o => (o.Invariant, o.ConnectionString) = ("Npgsql", connectionString));
            // A killed silo is declared dead in a few seconds, not the production defaults' tens.
            silo.Configure<ClusterMembershipOptions>(o => (o.ProbeTimeout, o.NumMissedProbesLimit) = (TimeSpan.FromSeconds(1), 2));
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
        });
        // A call that went to a killed silo fails in seconds, as the gRPC edge's deadlines would have it.
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)));
        builder.ConfigureSiloHost((_, host) =>
        {
            // The silos of this process share one store set and one read model, as they share one database.
            host.Services.AddSingleton(stores.Issues);
            host.Services.AddSingleton(stores.Members);
            host.Services.AddSingleton(state);
            host.Services.AddSingleton(WhistlePolicy.StreetsOnly);
            host.Services.AddSingleton(LinkPolicies.Default);
            host.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, clock);
            host.Services.AddSingleton(new EscalationSweepOptions { Interval = null });
            host.Services.AddSingleton<DueIssueSweep>();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainTestCluster(cluster, stores, state, connectionString, clock);
    }

    /// <summary>Reports a garbage complaint from a real household, routed as the gRPC edge routes it (reports are no grain's).</summary>
    public async Task<Issue> ReportAsync(long household, string requestId)
    {
        var tree = State.Tree;
        Assert.True(tree.TryIndexOf(State.Households.BuildingGroupOf(household), out var place));
        var facts = IssueRouting.Facts(tree, ResponsibilityResolver.Resolve(tree, place, "garbage"), 0, requestId, IssueChannel.Hotline, "垃圾未清运", household);
        return (await Stores.Issues.ReportAsync(facts, Issue.Report(Clock.GetUtcNow(), "service"), CancellationToken.None)).Issue;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Stores.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
