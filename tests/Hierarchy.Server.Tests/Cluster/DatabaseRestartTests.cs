using Hierarchy.Grpc.Contract;
using Hierarchy.Grpc.Protocol;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Cluster;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DatabaseServerCollection
{
    public const string Name = "stops the database server";
}

/// <summary>The PostgreSQL server restarts under a running cluster.</summary>
[Collection(DatabaseServerCollection.Name)]
public sealed class DatabaseRestartTests
{
    private static readonly Grpc.Client.CallOptions Admin = Grpc.Client.CallOptions.WithBearer("admin");

    [SkippableFact]
    public async Task While_the_database_restarts_writes_fail_with_unavailable_resolve_keeps_answering_and_every_node_recovers_by_itself()
    {
        var skip = TestCluster.ServerControlSkipReason;
        Skip.If(skip is not null && Environment.GetEnvironmentVariable("CI") != "true", skip);
        await using var cluster = await TestCluster.StartAsync(2, Testing.WeiduSample.SmallPlan with { TotalGrids = 208 });
        var household = cluster.Node(0).State.Members.Get(5)!.Households[^1];

        await TestCluster.StopDatabaseServerAsync();
        RpcException refused;
        try
        {
            refused = await Assert.ThrowsAsync<RpcException>(() => cluster.Channel(0).UnaryAsync(
                PartyMemberMethods.UnlinkHousehold, new UnlinkHouseholdRequest { MemberId = 5, HouseholdId = household }, Admin));
            foreach (var node in new[] { 0, 1 })
            {
                var answer = await cluster.Channel(node).UnaryAsync(ResponsibilityMethods.Resolve, new ResolveRequest { HouseholdId = household, Category = "sewage" }, Admin);
                Assert.Equal(OrgLevel.Grid, answer.Owner.Level);
            }
        }
        finally
        {
            await TestCluster.StartDatabaseServerAsync();
        }

        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        var unlinked = await UntilWrittenAsync(() => cluster.Channel(0).UnaryAsync(
            PartyMemberMethods.UnlinkHousehold, new UnlinkHouseholdRequest { MemberId = 5, HouseholdId = household }, Admin));
        var (source, target) = ClusterTests.TwoGridsOfOneCommunity(cluster, 0);
        var plan = await UntilWrittenAsync(() => cluster.Channel(1).UnaryAsync(AdminMethods.PlanReorganization, ClusterTests.Merge(source, target), Admin));
        var applied = await UntilWrittenAsync(() => cluster.Channel(1).UnaryAsync(
            AdminMethods.ApplyReorganization, new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, Admin));

        await cluster.WaitForPositionAsync(0, applied.ConsistencyToken, TimeSpan.FromSeconds(30));
        await cluster.WaitForPositionAsync(1, unlinked.ConsistencyToken, TimeSpan.FromSeconds(30));
        Assert.Equal(applied.TreeVersion, cluster.Node(0).State.Tree.Version);
        Assert.Equal(0, cluster.Node(1).State.Households.MemberOf(household));
    }

    /// <summary>Retries a write while the pool still hands out connections the restart broke; each try fails at once.</summary>
    private static async Task<T> UntilWrittenAsync<T>(Func<Task<T>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && attempt < 50)
            {
                // A broken pooled connection is discarded by the failed attempt; the next one opens afresh.
            }
        }
    }
}
