using Hierarchy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Server.Tests.Cluster;

/// <summary>Every server process is an Orleans silo; servers on one PostgreSQL find each other through its membership table.</summary>
public sealed class SiloClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task Three_servers_on_one_postgresql_are_one_orleans_cluster()
    {
        Skip.If(TestPostgres.SkipReason is not null, TestPostgres.SkipReason);
        await using var cluster = await TestCluster.StartAsync(3, WeiduSample.SmallPlan with { TotalGrids = 208 });

        foreach (var node in new[] { 0, 1, 2 })
        {
            await UntilActiveAsync(cluster.Node(node), 3);
        }

        var silos = new[] { 0, 1, 2 }.Select(n => cluster.Node(n).Silo).ToHashSet();
        Assert.Equal(3, silos.Count);
        Assert.All(new[] { 0, 1, 2 }, n => Assert.True(silos.SetEquals(cluster.Node(n).ActiveSilos)));
    }

    [SkippableFact]
    public async Task A_server_that_stops_leaves_the_cluster_and_the_others_see_it_go()
    {
        Skip.If(TestPostgres.SkipReason is not null, TestPostgres.SkipReason);
        await using var cluster = await TestCluster.StartAsync(2, WeiduSample.SmallPlan with { TotalGrids = 208 });
        await UntilActiveAsync(cluster.Node(0), 2);
        var leaving = cluster.Node(1).Silo;

        await cluster.StopAsync(1);

        await UntilActiveAsync(cluster.Node(0), 1);
        Assert.DoesNotContain(leaving, cluster.Node(0).ActiveSilos);
    }

    /// <summary>Waits on the silo's own membership updates until it counts <paramref name="active"/> active silos.</summary>
    private static async Task UntilActiveAsync(HierarchyServer node, int active)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var membership = node.Services.GetRequiredService<Orleans.Runtime.IClusterMembershipService>();
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(timeout.Token))
        {
            if (snapshot.Members.Values.Count(m => m.Status == Orleans.Runtime.SiloStatus.Active) == active)
            {
                return;
            }
        }
    }
}
