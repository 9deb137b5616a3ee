using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Tests;

/// <summary>What every storage engine must do; one sealed subclass per engine runs it.</summary>
public abstract class StoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private StoreSet Stores => fixture.Stores;

    [SkippableFact]
    public async Task The_import_writes_weidus_real_streets_and_communities()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);

        var tree = await Stores.Tree.LoadAsync(CancellationToken.None);

        Assert.Equal(15, tree.Units.Count(u => u.Level == OrgLevel.Street));
        Assert.Equal(104, tree.Units.Count(u => u.Level == OrgLevel.Community));
        Assert.Contains(tree.Units, u => u.Code == "411002" && u.Name == "魏都区");
    }

    [SkippableFact]
    public async Task Migrating_again_applies_nothing_twice()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var before = await AppliedScriptsAsync();

        await Stores.Database.MigrateAsync(CancellationToken.None);

        Assert.Equal(before, await AppliedScriptsAsync());
        Assert.True(before >= 2);
    }

    [SkippableFact]
    public async Task Adding_units_bumps_the_tree_version()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var before = await Stores.Tree.VersionAsync(CancellationToken.None);
        var community = await AnyUnitAsync(OrgLevel.Community);
        var id = await Stores.Tree.MaxUnitIdAsync(CancellationToken.None) + 1;

        var after = await Stores.Tree.AddUnitsAsync(
            [new OrgUnit(id, OrgLevel.Grid, community.Code + "901", "新建第901网格党支部", community.Id, 1)], [], CancellationToken.None);

        Assert.Equal(before + 1, after);
    }

    [SkippableFact]
    public async Task A_taken_code_is_a_rule_violation_and_nothing_is_written()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var grid = await AnyUnitAsync(OrgLevel.Grid);
        var before = await Stores.Tree.LoadAsync(CancellationToken.None);
        var id = await Stores.Tree.MaxUnitIdAsync(CancellationToken.None) + 1;

        await Assert.ThrowsAsync<RuleViolationException>(() => Stores.Tree.AddUnitsAsync(
            [new OrgUnit(id, OrgLevel.Grid, grid.Code, "重复网格", grid.ParentId, 1)], [], CancellationToken.None));

        var after = await Stores.Tree.LoadAsync(CancellationToken.None);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Units.Count, after.Units.Count);
    }

    [SkippableFact]
    public async Task The_responsibility_matrix_round_trips_with_its_time_limits()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);

        var matrix = (await Stores.Tree.LoadAsync(CancellationToken.None)).Matrix;

        var sewage = matrix.RuleFor("sewage");
        Assert.Equal((OrgLevel.Grid, OrgLevel.Street, "water"), (sewage.LowestLevel, sewage.CeilingLevel, sewage.DepartmentCode));
        Assert.Equal(TimeSpan.FromHours(24), sewage.TimeLimitAt(OrgLevel.Grid));
    }

    [SkippableFact]
    public async Task A_household_is_read_back_with_its_address()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);

        var household = await Stores.Households.GetAsync(1, CancellationToken.None);

        Assert.Equal("1号楼", household.Address.Building);
        Assert.NotEqual(0, household.BuildingGroupId);
    }

    [SkippableFact]
    public async Task An_unknown_household_is_not_found()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);

        await Assert.ThrowsAsync<NotFoundException>(() => Stores.Households.GetAsync(999_999_999, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Every_household_is_placed_and_linked_to_a_member()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);

        var placed = new HashSet<long>();
        await foreach (var placement in Stores.Households.ReadPlacementsAsync(0, CancellationToken.None))
        {
            placed.Add(placement.HouseholdId);
        }

        var linked = new HashSet<long>();
        await foreach (var member in Stores.Members.ReadAllAsync(0, CancellationToken.None))
        {
            linked.UnionWith(member.Households);
        }

        var imported = Enumerable.Range(1, (int)fixture.Imported.Households).Select(i => (long)i).ToHashSet();
        Assert.Subset(placed, imported);
        Assert.Subset(linked, imported);
    }

    [SkippableFact]
    public async Task Every_synthesised_member_serves_at_most_ten_households()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);

        await foreach (var member in Stores.Members.ReadAllAsync(0, CancellationToken.None))
        {
            if (member.Member.Id <= fixture.Imported.Members)
            {
                Assert.InRange(member.Households.Count, 1, MemberLinkPolicy.Maximum);
            }
        }
    }

    [SkippableFact]
    public async Task The_eleventh_link_is_refused_and_nothing_changes()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (member, fresh) = await MemberWithFreshHouseholdsAsync(11);
        foreach (var household in fresh.Take(10 - member.Households.Count))
        {
            await Stores.Members.LinkAsync(member.Member.Id, household, 0, LinkPolicies.Default, CancellationToken.None);
        }

        var full = await Stores.Members.GetAsync(member.Member.Id, CancellationToken.None);
        var error = await Assert.ThrowsAsync<RuleViolationException>(
            () => Stores.Members.LinkAsync(member.Member.Id, fresh[^1], 0, LinkPolicies.Default, CancellationToken.None));

        Assert.Contains("at most 10", error.Message, StringComparison.Ordinal);
        var after = await Stores.Members.GetAsync(member.Member.Id, CancellationToken.None);
        Assert.Equal(10, after.Households.Count);
        Assert.Equal(full.Member.Version, after.Member.Version);
    }

    [SkippableFact]
    public async Task A_household_linked_to_another_member_is_refused()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var first = await Stores.Members.GetAsync(1, CancellationToken.None);
        var second = await Stores.Members.GetAsync(2, CancellationToken.None);

        var error = await Assert.ThrowsAsync<RuleViolationException>(
            () => Stores.Members.LinkAsync(second.Member.Id, first.Households[0], 0, LinkPolicies.Default, CancellationToken.None));

        Assert.Contains($"party member {first.Member.Id}", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_stale_expected_version_is_a_conflict_and_nothing_changes()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (member, fresh) = await MemberWithFreshHouseholdsAsync(1);

        var error = await Assert.ThrowsAsync<VersionConflictException>(
            () => Stores.Members.LinkAsync(member.Member.Id, fresh[0], member.Member.Version + 5, LinkPolicies.Default, CancellationToken.None));

        Assert.Equal(member.Member.Version, error.Actual);
        Assert.Equal(member.Households, (await Stores.Members.GetAsync(member.Member.Id, CancellationToken.None)).Households);
    }

    [SkippableFact]
    public async Task Linking_then_unlinking_bumps_the_version_each_time()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (member, fresh) = await MemberWithFreshHouseholdsAsync(1);

        var linked = await Stores.Members.LinkAsync(member.Member.Id, fresh[0], member.Member.Version, LinkPolicies.Default, CancellationToken.None);
        var unlinked = await Stores.Members.UnlinkAsync(member.Member.Id, fresh[0], linked.Member.Version, CancellationToken.None);

        Assert.Contains(fresh[0], linked.Households);
        Assert.DoesNotContain(fresh[0], unlinked.Households);
        Assert.Equal(member.Member.Version + 2, unlinked.Member.Version);
    }

    [SkippableFact]
    public async Task A_members_households_page_in_id_order()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var member = await Stores.Members.GetAsync(3, CancellationToken.None);

        var first = await Stores.Members.ListHouseholdsAsync(member.Member.Id, 0, 2, CancellationToken.None);
        var rest = await Stores.Members.ListHouseholdsAsync(member.Member.Id, first[^1].Id, 100, CancellationToken.None);

        Assert.Equal(member.Households, first.Concat(rest).Select(h => h.Id));
    }

    [SkippableFact]
    public async Task A_unit_goes_on_the_key_unit_list_once()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var community = await AnyUnitAsync(OrgLevel.Community);
        var terms = new Domain.Issues.KeyUnitObservation(DateTimeOffset.UtcNow, TimeSpan.FromDays(90), 3);

        await Stores.KeyUnits.AddAsync(community.Id, community.Level, terms, Domain.Issues.KeyUnitPartners.None, "admin:1", CancellationToken.None);
        await Assert.ThrowsAsync<RuleViolationException>(() => Stores.KeyUnits.AddAsync(community.Id, community.Level, terms, Domain.Issues.KeyUnitPartners.None, "admin:1", CancellationToken.None));

        var listed = Assert.Single(await Stores.KeyUnits.ListAsync(CancellationToken.None), k => k.UnitId == community.Id);
        Assert.Equal((TimeSpan.FromDays(90), 3), (listed.Observation.Period, listed.Observation.Threshold));
    }

    [SkippableFact]
    public async Task Households_and_members_added_in_bulk_are_announced_on_the_change_feed_from_their_lowest_id()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var before = await Stores.Changes.LastPositionAsync(CancellationToken.None);

        var (member, fresh) = await MemberWithFreshHouseholdsAsync(3);

        var entries = (await Stores.Changes.ReadAfterAsync(before, 10, CancellationToken.None)).Entries;
        Assert.Equal(
            [(Storage.Stores.ChangeKind.MembersAdded, member.Member.Id), (Storage.Stores.ChangeKind.HouseholdsAdded, fresh[0])],
            entries.Select(e => (e.Kind, e.EntityId)));
    }

    [SkippableFact]
    public async Task Placements_and_members_read_from_an_id_on_hold_only_that_id_and_later()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (member, fresh) = await MemberWithFreshHouseholdsAsync(2);

        var placements = new List<long>();
        await foreach (var placement in Stores.Households.ReadPlacementsAsync(fresh[0], CancellationToken.None))
        {
            placements.Add(placement.HouseholdId);
        }

        var members = new List<long>();
        await foreach (var read in Stores.Members.ReadAllAsync(member.Member.Id, CancellationToken.None))
        {
            members.Add(read.Member.Id);
        }

        Assert.Equal(fresh, placements.Order());
        Assert.Equal([member.Member.Id], members);
    }

    private Task<long> AppliedScriptsAsync() => Stores.Database.RunAsync(
        c => Sql.ScalarAsync<long>(c, null, "SELECT COUNT(*) FROM schema_version", CancellationToken.None), CancellationToken.None);

    private async Task<OrgUnit> AnyUnitAsync(OrgLevel level) =>
        (await Stores.Tree.LoadAsync(CancellationToken.None)).Units.First(u => u.Level == level);

    /// <summary>Makes a member with fewer than ten links and some new, unlinked households in its building group.</summary>
    private async Task<(Stores.LinkedMember Member, long[] Fresh)> MemberWithFreshHouseholdsAsync(int count)
    {
        var group = await AnyUnitAsync(OrgLevel.BuildingGroup);
        var memberId = await Stores.Members.MaxIdAsync(CancellationToken.None) + 1;
        await Stores.Members.AddAsync([new PartyMember(memberId, "测试党员", "13900000000", group.Id, 1)], [], CancellationToken.None);
        var first = await Stores.Households.MaxIdAsync(CancellationToken.None) + 1;
        var fresh = Enumerable.Range(0, count).Select(i => first + i).ToArray();
        await Stores.Households.AddAsync(
            [.. fresh.Select(id => new Household(id, group.Id, new Address("99号楼", "1单元", $"{id % 1000}"), "新住户", "13700000000", 1))],
            CancellationToken.None);
        return (await Stores.Members.GetAsync(memberId, CancellationToken.None), fresh);
    }
}

public sealed class SqliteStoreTests(SqliteStoreFixture fixture) : StoreSpecification<SqliteStoreFixture>(fixture);

public sealed class PostgresStoreTests(PostgresStoreFixture fixture) : StoreSpecification<PostgresStoreFixture>(fixture);
