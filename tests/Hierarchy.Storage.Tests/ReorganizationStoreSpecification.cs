using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Reorganization;

namespace Hierarchy.Storage.Tests;

/// <summary>What every engine must do when a reorganisation is applied; one sealed subclass per engine runs it.</summary>
public abstract class ReorganizationStoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [SkippableFact]
    public async Task Applying_a_merge_bumps_the_version_and_the_tree_before_it_stays_loadable()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (tree, effect, plan) = await PlanMergeAsync(0);

        var version = await fixture.Stores.Reorganizations.ApplyAsync(plan, tree.Version, effect, "admin:1", Now, CancellationToken.None);

        var after = await fixture.Stores.Tree.LoadAsync(CancellationToken.None);
        var before = await fixture.Stores.Tree.LoadAtVersionAsync(tree.Version, CancellationToken.None);
        Assert.Equal(tree.Version + 1, version);
        Assert.DoesNotContain(after.Units, u => u.Id == effect.Retired[0].Id);
        Assert.Contains(before.Units, u => u.Id == effect.Retired[0].Id);
        Assert.Equal(effect.Changed.Select(c => (c.Before.Id, c.Before.ParentId)).Order(),
            before.Units.Where(u => effect.Changed.Any(c => c.Before.Id == u.Id)).Select(u => (u.Id, u.ParentId)).Order());
        Assert.Equal(tree.Count, OrgTreeSnapshot.Build(before.Version, before.Units, before.Positions, before.Matrix).Count);
    }

    [SkippableFact]
    public async Task Applying_a_plan_again_returns_its_version_and_changes_nothing()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (tree, effect, plan) = await PlanMergeAsync(1);
        var version = await fixture.Stores.Reorganizations.ApplyAsync(plan, tree.Version, effect, "admin:1", Now, CancellationToken.None);

        var again = await fixture.Stores.Reorganizations.ApplyAsync(plan, tree.Version, effect, "admin:1", Now, CancellationToken.None);

        Assert.Equal(version, again);
        Assert.Equal(version, await fixture.Stores.Tree.VersionAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_plan_made_on_an_older_version_is_a_conflict_and_nothing_is_written()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (tree, effect, plan) = await PlanMergeAsync(2);
        var (_, newer, newerPlan) = await PlanMergeAsync(3);
        await fixture.Stores.Reorganizations.ApplyAsync(newerPlan, tree.Version, newer, "admin:1", Now, CancellationToken.None);

        await Assert.ThrowsAsync<VersionConflictException>(() =>
            fixture.Stores.Reorganizations.ApplyAsync(plan, tree.Version, effect, "admin:1", Now, CancellationToken.None));

        Assert.Contains((await fixture.Stores.Tree.LoadAsync(CancellationToken.None)).Units, u => u.Id == effect.Retired[0].Id);
    }

    /// <summary>Plans merging the second grid of the n-th community with two grids into its first.</summary>
    private async Task<(OrgTreeSnapshot Tree, ReorganizationEffect Effect, long Plan)> PlanMergeAsync(int nth)
    {
        var state = await fixture.Stores.Tree.LoadAsync(CancellationToken.None);
        var tree = OrgTreeSnapshot.Build(state.Version, state.Units, state.Positions, state.Matrix);
        var grids = state.Units.Where(u => u.Level == OrgLevel.Grid).GroupBy(u => u.ParentId).Where(g => g.Count() >= 2).Skip(nth).First()
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var context = new PlanningContext(await fixture.Stores.Tree.MaxUnitIdAsync(CancellationToken.None), _ => 50, _ => [], _ => 1, _ => 5);
        var effect = ReorganizationPlanner.Plan(tree, [new MergeGrids([grids[1].Id], grids[0].Id, false)], context);
        var plan = await fixture.Stores.Reorganizations.SavePlanAsync(tree.Version, tree.UnitAt(0).Id, [1, 2, 3], "merge", "admin:1", Now, CancellationToken.None);
        return (tree, effect, plan);
    }
}

public sealed class SqliteReorganizationStoreTests(SqliteStoreFixture fixture) : ReorganizationStoreSpecification<SqliteStoreFixture>(fixture);

public sealed class PostgresReorganizationStoreTests(PostgresStoreFixture fixture) : ReorganizationStoreSpecification<PostgresStoreFixture>(fixture);
