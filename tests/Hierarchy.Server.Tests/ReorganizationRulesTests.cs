using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Server.Tests;

/// <summary>Plans that break a rule are refused with the right status and change nothing; conflicting plans: the first wins.</summary>
public sealed class ReorganizationRulesTests(WeiduGridsServer weidu) : IClassFixture<WeiduGridsServer>
{
    // Each test that plans or applies works in a street of its own, so their order does not matter.
    private readonly CallOptions _admin = WeiduServer.As("district-admin");

    [Fact]
    public async Task A_merge_across_streets_is_a_failed_precondition_even_with_cross_community_allowed()
    {
        var (first, second) = (Grids("411002001")[0], Grids("411002002")[0]);

        var error = await RefusedAsync(Merge(first, second, crossCommunity: true));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("different streets", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_across_communities_needs_the_explicit_flag()
    {
        var communities = weidu.GridsByCommunity().Where(g => weidu.Before.Units.Single(u => u.Id == g.Key).Code.StartsWith("411002001", StringComparison.Ordinal)).Take(2).ToList();

        var error = await RefusedAsync(Merge(communities[0].First().Id, communities[1].First().Id, crossCommunity: false));

        Assert.Contains("allow_cross_community", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merges_that_form_a_cycle_are_refused()
    {
        var grids = weidu.GridsByCommunity().First().ToList();
        var request = Merge(grids[0].Id, grids[1].Id);
        request.Changes.Add(Merge(grids[1].Id, grids[0].Id).Changes[0]);

        var error = await RefusedAsync(request);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("cycle", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_grid_without_a_branch_secretary_is_refused()
    {
        var grids = weidu.GridsByCommunity().Skip(3).First().ToList();
        var groups = weidu.Before.Units.Where(u => u.ParentId == grids[0].Id).Select(u => u.Id).Take(1);
        var request = new PlanReorganizationRequest
        {
            Changes =
            {
                new ReorganizationChange { CreateUnit = new CreateUnit { ProvisionalId = -1, Level = OrgLevel.Grid, ParentId = grids[0].ParentId!.Value, Name = "新设网格党支部" } },
                new ReorganizationChange { MoveBuildingGroups = new MoveBuildingGroups { BuildingGroupIds = { groups }, TargetGridId = -1 } },
            },
        };

        var error = await RefusedAsync(request);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("no branch secretary", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_new_grid_with_its_grid_chief_assigned_is_accepted()
    {
        var grids = weidu.GridsByCommunity().Skip(4).First().ToList();
        var groups = weidu.Before.Units.Where(u => u.ParentId == grids[0].Id).Select(u => u.Id).Take(1);
        var member = weidu.Server.State.Members.All().First(m => m.Member.UnitId == groups.First()).Member.Id;
        var request = new PlanReorganizationRequest
        {
            Changes =
            {
                new ReorganizationChange { CreateUnit = new CreateUnit { ProvisionalId = -1, Level = OrgLevel.Grid, ParentId = grids[0].ParentId!.Value, Name = "新设网格党支部" } },
                new ReorganizationChange { MoveBuildingGroups = new MoveBuildingGroups { BuildingGroupIds = { groups }, TargetGridId = -1 } },
                new ReorganizationChange { AssignPosition = new AssignPosition { UnitId = -1, Kind = PositionKind.GridChief, MemberId = member, HolderPhone = "0374-2345678" } },
            },
        };

        var plan = await weidu.Channel.Admin().PlanReorganizationAsync(request, _admin).ResponseAsync;

        Assert.Single(plan.Created);
        Assert.Equal(grids[0].ParentId!.Value, plan.Created[0].ParentAfter);
        var chief = Assert.Single(plan.PositionsAssigned, p => p.Kind == PositionKind.GridChief && p.Holder.MemberId == member);
        // The position publishes the work phone the admin gave, not the member's own.
        Assert.Equal("0374-2345678", chief.Holder.Phone);
        Assert.NotEqual(weidu.Server.State.Members.Get(member)!.Member.Phone, chief.Holder.Phone);
    }

    [Fact]
    public async Task An_unknown_unit_is_not_found()
    {
        var error = await RefusedAsync(Merge(987_654, Grids("411002001")[0]));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("unit 987654", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_that_sets_nothing_is_an_invalid_argument_naming_it()
    {
        var error = await RefusedAsync(new PlanReorganizationRequest { Changes = { new ReorganizationChange() } });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("changes[0]", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_street_admin_may_not_reorganise_another_street()
    {
        var grids = Grids("411002002");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            weidu.Channel.Admin().PlanReorganizationAsync(Merge(grids[1], grids[0]), WeiduServer.As("street-admin")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task A_service_may_not_reorganise()
    {
        var grids = Grids("411002003");

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            weidu.Channel.Admin().PlanReorganizationAsync(Merge(grids[1], grids[0]), WeiduServer.As("service")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Of_two_plans_on_one_tree_version_the_first_applies_and_the_second_is_aborted_leaving_exactly_the_first()
    {
        var (a, b) = (Grids("411002010"), Grids("411002011"));
        var first = await weidu.Channel.Admin().PlanReorganizationAsync(Merge(a[1], a[0]), _admin).ResponseAsync;
        var second = await weidu.Channel.Admin().PlanReorganizationAsync(Merge(b[1], b[0]), _admin).ResponseAsync;
        Assert.Equal(first.BaseTreeVersion, second.BaseTreeVersion);

        await weidu.Channel.Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = first.PlanId, ExpectedTreeVersion = first.BaseTreeVersion }, _admin).ResponseAsync;
        var error = await Assert.ThrowsAsync<RpcException>(() => weidu.Channel.Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = second.PlanId, ExpectedTreeVersion = second.BaseTreeVersion }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        var tree = weidu.Server.State.Tree;
        Assert.False(tree.TryIndexOf(a[1], out _));
        Assert.True(tree.TryIndexOf(b[1], out _));
        var stored = await weidu.Server.Services.GetRequiredService<Storage.Stores.IOrgTreeStore>().LoadAsync(CancellationToken.None);
        Assert.DoesNotContain(stored.Units, u => u.Id == a[1]);
        Assert.Contains(stored.Units, u => u.Id == b[1]);
        Assert.Equal(first.BaseTreeVersion + 1, stored.Version);
    }

    [Fact]
    public async Task Concurrent_retries_of_one_apply_all_answer_with_the_version_and_instant_it_made()
    {
        var grids = Grids("411002015");
        var plan = await weidu.Channel.Admin().PlanReorganizationAsync(Merge(grids[1], grids[0]), _admin);
        var apply = new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion };

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => weidu.Channel.Admin().ApplyReorganizationAsync(apply, _admin).ResponseAsync));

        Assert.Single(answers, a => a.AppliedNow);
        Assert.All(answers, a => Assert.Equal(plan.BaseTreeVersion + 1, a.TreeVersion));
        Assert.Single(answers.Select(a => a.EffectiveAt).Distinct());
    }

    [Fact]
    public async Task An_apply_expecting_the_wrong_tree_version_is_aborted_naming_both_real_versions()
    {
        var grids = Grids("411002004");
        var plan = await weidu.Channel.Admin().PlanReorganizationAsync(Merge(grids[1], grids[0]), _admin);

        var error = await Assert.ThrowsAsync<RpcException>(() => weidu.Channel.Admin().ApplyReorganizationAsync(
            new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion - 1 }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Contains($"at version {plan.BaseTreeVersion}, not {plan.BaseTreeVersion - 1}", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retired_grid_still_answers_its_ancestors_issues_and_statistics_marked_retired()
    {
        var grids = Grids("411002005");
        var plan = await weidu.Channel.Admin().PlanReorganizationAsync(Merge(grids[1], grids[0]), _admin);
        await weidu.Channel.Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, _admin);

        var ancestors = await weidu.Channel.Directory().GetAncestorsAsync(new GetAncestorsRequest { UnitId = grids[1] }, _admin);
        var issues = await weidu.Channel.Issues().ListIssuesAsync(new ListIssuesRequest { UnitId = grids[1] }, _admin);
        var stats = await weidu.Channel.Stats().GetUnitStatsAsync(new GetUnitStatsRequest
        {
            UnitId = grids[1],
            From = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-30)),
            To = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        }, _admin);

        Assert.Equal([OrgLevel.District, OrgLevel.Street, OrgLevel.Community], ancestors.Ancestors.Select(a => a.Level));
        Assert.Equal(weidu.Before.Units.Single(u => u.Id == grids[1]).ParentId, ancestors.Ancestors[^1].Id);
        Assert.NotNull(issues);
        Assert.Equal((grids[1], true), (stats.Unit.Id, stats.Unit.Retired));
    }

    [Fact]
    public async Task Planning_against_a_retired_grid_says_it_was_retired_not_that_it_never_was()
    {
        var grids = Grids("411002009");
        var plan = await weidu.Channel.Admin().PlanReorganizationAsync(Merge(grids[1], grids[0]), _admin);
        await weidu.Channel.Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, _admin);

        var error = await RefusedAsync(Merge(grids[1], grids[2]));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains($"{grids[1]} ", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("was retired at tree version", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_issue_of_a_merged_grid_moves_to_the_surviving_grid_with_an_event_saying_why()
    {
        var grids = Grids("411002013");
        var service = WeiduServer.As("service");
        var issue = await AcceptedIssueInAsync(grids[1], "before-merge");

        var plan = await weidu.Channel.Admin().PlanReorganizationAsync(Merge(grids[1], grids[0]), _admin).ResponseAsync;
        await weidu.Channel.Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, _admin).ResponseAsync;
        var after = (await weidu.Channel.Issues().GetIssueAsync(new GetIssueRequest { IssueId = issue.Id }, service).ResponseAsync).Issue;

        Assert.Equal((issue.Id, grids[1], grids[0]), (plan.IssuesRerouted.Single().IssueId, plan.IssuesRerouted.Single().FromUnitId, plan.IssuesRerouted.Single().ToUnitId));
        Assert.Equal(grids[0], after.Owner.UnitId);
        Assert.Equal((grids[1], grids[1]), (after.FirstReceiver.UnitId, after.EscalationChain[0].UnitId));
        Assert.Equal(IssueEventKind.EventRerouted, after.Events[^1].Kind);
        Assert.Contains($"reorganisation {plan.PlanId}", after.Events[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rerouted_issue_counts_for_the_grid_that_took_it_over_and_its_community_still_sums_its_children()
    {
        var grids = Grids("411002006");
        var parents = weidu.Before.Units.ToDictionary(u => u.Id, u => u.ParentId);
        var issue = await AcceptedIssueInAsync(grids[1], "counted-after-merge");

        var plan = await weidu.Channel.Admin().PlanReorganizationAsync(Merge(grids[1], grids[0]), _admin).ResponseAsync;
        await weidu.Channel.Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, _admin).ResponseAsync;

        var listed = await weidu.Channel.Issues().ListIssuesAsync(new ListIssuesRequest { UnitId = grids[0] }, _admin).ResponseAsync;
        var period = (From: Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)), To: Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)));
        var grid = await weidu.Channel.Stats().GetUnitStatsAsync(new GetUnitStatsRequest { UnitId = grids[0], From = period.From, To = period.To }, _admin).ResponseAsync;
        var community = await weidu.Channel.Stats().GetUnitStatsAsync(
            new GetUnitStatsRequest { UnitId = parents[grids[0]]!.Value, From = period.From, To = period.To }, _admin).ResponseAsync;
        var children = await weidu.Channel.Stats().RankChildrenAsync(
            new RankChildrenRequest { UnitId = parents[grids[0]]!.Value, From = period.From, To = period.To }, _admin).ResponseAsync;

        Assert.Contains(listed.Issues, i => i.Id == issue.Id);
        Assert.True(grid.Received >= 1);
        Assert.Equal(community.Received, children.Children.Sum(c => c.Received));
    }

    [Fact]
    public async Task One_microsecond_before_an_apply_resolve_answers_from_the_tree_before_it_and_at_the_instant_from_the_new_one()
    {
        var grids = Grids("411002007");
        var household = HouseholdIn(grids[1]);
        var plan = await weidu.Channel.Admin().PlanReorganizationAsync(Merge(grids[1], grids[0]), _admin).ResponseAsync;
        var applied = await weidu.Channel.Admin().ApplyReorganizationAsync(
            new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, _admin).ResponseAsync;
        var justBefore = applied.EffectiveAt.Clone();
        (justBefore.Seconds, justBefore.Nanos) = justBefore.Nanos >= 1000
            ? (justBefore.Seconds, justBefore.Nanos - 1000)
            : (justBefore.Seconds - 1, justBefore.Nanos + 999_999_000);

        var before = await weidu.Channel.Responsibility().ResolveAsync(
            new ResolveRequest { HouseholdId = household, Category = "garbage", AsOf = justBefore }, _admin).ResponseAsync;
        var at = await weidu.Channel.Responsibility().ResolveAsync(
            new ResolveRequest { HouseholdId = household, Category = "garbage", AsOf = applied.EffectiveAt }, _admin).ResponseAsync;

        Assert.Equal((grids[1], grids[0]), (before.Owner.Id, at.Owner.Id));
    }

    private long HouseholdIn(long grid)
    {
        var parents = weidu.Before.Units.ToDictionary(u => u.Id, u => u.ParentId);
        return Enumerable.Range(1, (int)weidu.Server.State.Households.Count).Select(h => (long)h)
            .First(h => parents[weidu.Server.State.Households.BuildingGroupOf(h)] == grid);
    }

    private async Task<Issue> AcceptedIssueInAsync(long grid, string requestId)
    {
        var household = HouseholdIn(grid);
        var service = WeiduServer.As("service");
        var issue = (await weidu.Channel.Issues().ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = requestId,
            HouseholdId = household,
            Category = "garbage",
            Channel = IssueChannel.GridApp,
            Description = "垃圾桶满溢",
        }, service).ResponseAsync).Issue;
        await weidu.Channel.Issues().AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, service).ResponseAsync;
        return issue;
    }

    private long[] Grids(string streetCode) =>
        [.. weidu.Before.Units.Where(u => u.Level == Domain.Organization.OrgLevel.Grid && u.Code.StartsWith(streetCode, StringComparison.Ordinal))
            .OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => u.Id)];

    private static PlanReorganizationRequest Merge(long source, long target, bool crossCommunity = false) => new()
    {
        Changes = { new ReorganizationChange { MergeGrids = new MergeGrids { SourceGridIds = { source }, TargetGridId = target, AllowCrossCommunity = crossCommunity } } },
    };

    private async Task<RpcException> RefusedAsync(PlanReorganizationRequest request)
    {
        var version = weidu.Server.State.Tree.Version;
        var error = await Assert.ThrowsAsync<RpcException>(() => weidu.Channel.Admin().PlanReorganizationAsync(request, _admin).ResponseAsync);
        Assert.Equal(version, weidu.Server.State.Tree.Version);
        return error;
    }
}
