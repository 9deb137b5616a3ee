using Grpc.Core;
using Hierarchy.Domain.Access;
using Hierarchy.Grains.Sweeps;
using Hierarchy.Grpc.Client;
using Hierarchy.Server.Issues;
using Hierarchy.Server.Startup;
using Hierarchy.Storage.Providers;
using Hierarchy.Testing;
using Hierarchy.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Server.Tests.Cluster;

/// <summary>Replicas on one PostgreSQL stay coherent through it, and survive nodes and connections failing.</summary>
public sealed class ClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly CallOptions Admin = Bearer.Options("admin");

    [PostgresFact]
    public async Task A_reorganisation_applied_through_one_node_is_read_from_another_with_its_consistency_token()
    {
        await using var cluster = await TestCluster.StartAsync(3, WeiduSample.SmallPlan with { TotalGrids = 208 });
        var (source, target) = TwoGridsOfOneCommunity(cluster, 0);
        var plan = await cluster.Channel(0).Admin().PlanReorganizationAsync(Merge(source, target), Admin).ResponseAsync;

        var applied = await cluster.Channel(0).Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, Admin).ResponseAsync;
        await cluster.WaitForPositionAsync(2, applied.ConsistencyToken, Patience);
        var seen = await cluster.Channel(2).Directory().GetUnitAsync(new GetUnitRequest { UnitId = source, MinConsistencyToken = applied.ConsistencyToken }, Admin).ResponseAsync;

        Assert.True(seen.Unit.Retired);
        Assert.Equal(applied.TreeVersion, cluster.Node(2).State.Tree.Version);
    }

    [PostgresFact]
    public async Task A_household_moved_to_another_member_on_one_node_resolves_with_that_member_on_another()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var household = cluster.Node(0).State.Members.Get(5)!.Households[^1];
        await cluster.Channel(0).PartyMembers().UnlinkHouseholdAsync(new UnlinkHouseholdRequest { MemberId = 5, HouseholdId = household }, Admin).ResponseAsync;
        var linked = await cluster.Channel(0).PartyMembers().LinkHouseholdAsync(new LinkHouseholdRequest { MemberId = 6, HouseholdId = household }, Admin).ResponseAsync;

        var resolution = await cluster.Channel(1).Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = household, Category = "noise", MinConsistencyToken = linked.ConsistencyToken }, Admin).ResponseAsync;

        Assert.Equal(6, resolution.LinkedMember.MemberId);
    }

    [PostgresFact]
    public async Task A_county_imported_by_the_cli_into_a_running_cluster_resolves_on_every_replica_with_its_members()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        long firstTongzhouHousehold, end;
        // The CLI's stores are closed as soon as it is done, as the CLI process exits.
        await using (var cli = await StorageFactory.OpenAsync(cluster.Storage, CancellationToken.None))
        {
            firstTongzhouHousehold = await cli.Households.MaxIdAsync(CancellationToken.None) + 1;
            await TongzhouSample.ImportAsync(cli);
            end = await cli.Changes.LastPositionAsync(CancellationToken.None);
        }

        for (var node = 0; node < 2; node++)
        {
            await cluster.WaitForPositionAsync(node, end, Patience);
            var resolution = await cluster.Channel(node).Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = firstTongzhouHousehold, Category = "noise" }, Admin).ResponseAsync;
            Assert.StartsWith("110112", resolution.Owner.Code, StringComparison.Ordinal);
            Assert.NotNull(resolution.LinkedMember);
        }
    }

    [PostgresFact]
    public async Task A_watch_on_one_node_sees_an_issue_reported_through_another()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var community = cluster.CommunityOf(0, household: 1);
        using var stop = new CancellationTokenSource();
        await using var watch = cluster.Channel(1).Issues().WatchIssues(new WatchIssuesRequest { UnitId = community.Id }, Admin.WithCancellationToken(stop.Token))
            .ResponseStream.ReadAllAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        var reported = await cluster.Channel(0).Issues().ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = "watched-across-nodes",
            HouseholdId = 1,
            Category = "noise",
            Channel = IssueChannel.Hotline,
            Description = "夜间噪音",
        }, Bearer.Options("service")).ResponseAsync;

        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(reported.Issue.Id, watch.Current.Issue.Id);
        await stop.CancelAsync();
    }

    [PostgresFact]
    public async Task A_read_asking_for_a_token_no_replica_has_reached_fails_fast_with_unavailable()
    {
        await using var cluster = await TestCluster.StartAsync(1);
        var ahead = cluster.Follower(0).Position + 1000;

        var error = await Assert.ThrowsAsync<RpcException>(() => cluster.Channel(0).Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = 1, Category = "noise", MinConsistencyToken = ahead }, Admin).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("not yet", error.Status.Detail, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_node_whose_database_connections_are_cut_misses_no_change_made_through_another()
    {
        await using var cluster = await TestCluster.StartAsync(2, WeiduSample.SmallPlan with { TotalGrids = 208 });
        Assert.True(await cluster.CutDatabaseConnectionsAsync(1) >= 1);
        var (source, target) = TwoGridsOfOneCommunity(cluster, 1);
        var plan = await cluster.Channel(0).Admin().PlanReorganizationAsync(Merge(source, target), Admin).ResponseAsync;
        var applied = await cluster.Channel(0).Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, Admin).ResponseAsync;

        await cluster.WaitForPositionAsync(1, applied.ConsistencyToken, Patience);

        Assert.Equal(applied.TreeVersion, cluster.Node(1).State.Tree.Version);
    }

    [PostgresFact]
    public async Task Two_admins_applying_conflicting_plans_on_different_nodes_one_wins_and_the_other_is_aborted()
    {
        await using var cluster = await TestCluster.StartAsync(2, WeiduSample.SmallPlan with { TotalGrids = 208 });
        var (a, b) = TwoGridsOfOneCommunity(cluster, 2);
        var (c, d) = TwoGridsOfOneCommunity(cluster, 3);
        var first = await cluster.Channel(0).Admin().PlanReorganizationAsync(Merge(a, b), Admin).ResponseAsync;
        var second = await cluster.Channel(1).Admin().PlanReorganizationAsync(Merge(c, d), Admin).ResponseAsync;

        var outcomes = await Task.WhenAll(
            TryApplyAsync(cluster, 0, first),
            TryApplyAsync(cluster, 1, second));

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.Equal(1, outcomes.Count(o => o == StatusCode.Aborted));
        var tree = await cluster.Node(0).Services.GetRequiredService<Storage.Stores.IOrgTreeStore>().LoadAsync(CancellationToken.None);
        Assert.Equal(first.BaseTreeVersion + 1, tree.Version);
        Assert.Equal(1, new[] { a, c }.Count(id => tree.Units.All(u => u.Id != id)));
    }

    [PostgresFact]
    public async Task A_node_killed_in_the_middle_of_a_sweep_leaves_every_due_issue_escalated_exactly_once()
    {
        const int Issues = 2000;
        await using var cluster = await TestCluster.StartAsync(2);
        var workflow = cluster.Node(0).Services.GetRequiredService<IssueWorkflow>();
        var service = new Caller(CallerRole.Service, 0);
        await Parallel.ForAsync(1, Issues + 1, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (household, token) =>
        {
            var issue = await workflow.ReportAsync(service, new ReportCommand($"kill-{household}", household, 0, string.Empty, "garbage", Domain.Issues.IssueChannel.GridApp, "垃圾"), token);
            await workflow.AcceptAsync(service, issue.Id, 0, token);
        });
        cluster.Clock.Advance(TimeSpan.FromHours(25));

        using var kill = new CancellationTokenSource();
        var firstBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var doomed = workflow.SweepAsync(100, kill.Token, new SynchronousProgress(_ => firstBatch.TrySetResult()));
        await firstBatch.Task;
        await kill.CancelAsync();
        await cluster.KillAsync(0);
        await Assert.ThrowsAnyAsync<Exception>(() => doomed);
        // What the dead node claimed and did not reach is taken over once its claims lapse.
        cluster.Clock.Advance(DueIssueSweep.ClaimLease);
        await cluster.Node(1).Services.GetRequiredService<IssueWorkflow>().SweepAsync(100, CancellationToken.None);

        await using var database = new PostgresDatabase(cluster.ConnectionString);
        var escalations = await database.RunAsync(
            c => Sql.ListAsync(c, null, "SELECT COUNT(*) FROM issue_events WHERE kind = 5 GROUP BY issue_id", r => r.GetInt64(0), CancellationToken.None),
            CancellationToken.None);
        Assert.Equal(Issues, escalations.Count);
        Assert.All(escalations, count => Assert.Equal(1, count));

        await cluster.RestartAsync(0);
        var escalated = await cluster.Channel(0).Issues().ListIssuesAsync(new ListIssuesRequest { UnitCode = "411002", PageSize = 1 }, Admin).ResponseAsync;
        Assert.Equal(1, escalated.Issues[0].EscalationCount);
    }

    private static async Task<StatusCode> TryApplyAsync(TestCluster cluster, int node, ReorganizationPlan plan)
    {
        try
        {
            await cluster.Channel(node).Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, Admin).ResponseAsync;
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    internal static (long Source, long Target) TwoGridsOfOneCommunity(TestCluster cluster, int nth)
    {
        var tree = cluster.Node(0).State.Tree;
        var grids = Enumerable.Range(0, tree.Count).Where(i => tree.LevelOf(i) == Domain.Organization.OrgLevel.Grid)
            .GroupBy(tree.ParentOf).Where(g => g.Count() >= 2).Skip(nth).First().Select(i => tree.UnitAt(i).Id).ToList();
        return (grids[1], grids[0]);
    }

    internal static PlanReorganizationRequest Merge(long source, long target) => new()
    {
        Changes = { new ReorganizationChange { MergeGrids = new MergeGrids { SourceGridIds = { source }, TargetGridId = target } } },
    };

    /// <summary>Reports on the reporting thread, so a test acts before the next batch starts.</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
