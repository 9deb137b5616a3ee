using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Storage.Tests;

/// <summary>What every engine must do with zones and property companies; one sealed subclass per engine runs it.</summary>
public abstract class AttachedOrganizationStoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private IAttachedOrganizationStore Organizations => fixture.Stores.Organizations;

    [SkippableFact]
    public async Task A_change_is_a_tree_version_and_the_tree_before_it_keeps_the_organisation_as_it_was()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (registered, first) = await Organizations.SaveAsync(await CompanyAsync(household: 200, "旧名物业"), "admin:1", Morning, CancellationToken.None);

        var (_, second) = await Organizations.SaveAsync(registered with { Name = "新名物业" }, "admin:1", Morning, CancellationToken.None);

        var now = await fixture.Stores.Tree.LoadAsync(CancellationToken.None);
        var then = await fixture.Stores.Tree.LoadAtVersionAsync(first, CancellationToken.None);
        Assert.Equal((first + 1, second), (second, now.Version));
        Assert.Equal("新名物业", now.Organizations.Single(o => o.Id == registered.Id).Name);
        var before = then.Organizations.Single(o => o.Id == registered.Id);
        Assert.Equal("旧名物业", before.Name);
        Assert.Equal(registered.UnitIds, before.UnitIds);
        Assert.Equal(registered.Categories, before.Categories);
    }

    [SkippableFact]
    public async Task A_replacement_retires_the_company_registers_its_successor_and_records_why()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (old, _) = await Organizations.SaveAsync(await CompanyAsync(household: 1000, "将被更换物业"), "admin:1", Morning, CancellationToken.None);

        var (successor, _) = await Organizations.ReplaceAsync(old.Id, old with { Id = 0, Name = "接任物业" }, "admin:1", Morning, "两次约谈未整改", CancellationToken.None);

        var inForce = await Organizations.CurrentAsync(CancellationToken.None);
        Assert.DoesNotContain(inForce, o => o.Id == old.Id);
        Assert.Equal("接任物业", inForce.Single(o => o.Id == successor.Id).Name);
        var record = Assert.Single(await Organizations.RecordsAsync(old.Id, CancellationToken.None));
        Assert.Equal((OrganizationRecordKind.Replacement, successor.Id, "两次约谈未整改"), (record.Kind, record.SuccessorId, record.Note));
        await Assert.ThrowsAsync<NotFoundException>(() => Organizations.ReplaceAsync(old.Id, old, "admin:1", Morning, "再换", CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_company_s_month_counts_what_it_received_first_handed_on_and_resolved_itself()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (company, _) = await Organizations.SaveAsync(await CompanyAsync(household: 2000, "计数物业"), "admin:1", Morning, CancellationToken.None);
        var handedOn = await AcceptedAsync(2000, "handed-on");
        var state = await fixture.Stores.Tree.LoadAsync(CancellationToken.None);
        var tree = state.Snapshot();
        Assert.True(tree.TryIndexOf(handedOn.Facts.UnitAt(OrgLevel.Community)!.Value, out var community));
        await fixture.Stores.Issues.CommitAsync(
            handedOn, [handedOn.HandOn(Morning, $"organization:{company.Id}", IssueRouting.RouteFrom(tree, community, "garbage"), "非物业范围")], CancellationToken.None);
        var itsOwn = await AcceptedAsync(2000, "its-own");
        await fixture.Stores.Issues.CommitAsync(itsOwn, [itsOwn.StartWork(Morning, "organization")], CancellationToken.None);
        await fixture.Stores.Issues.CommitAsync(itsOwn, [itsOwn.Resolve(Morning, "organization", "已清运")], CancellationToken.None);
        await fixture.Stores.Issues.CommitAsync(itsOwn, [itsOwn.Rate(Morning, "service", Satisfaction.BasicallySatisfied)], CancellationToken.None);

        var tally = await Organizations.TallyAsync(company.Id, Morning.AddDays(-1), Morning.AddDays(1), CancellationToken.None);

        Assert.Equal(new OrganizationTally(2, 1, 1, 0, 1, 1), tally);
    }

    /// <summary>A property company receiving garbage first in the grid of a real household.</summary>
    private async Task<AttachedOrganization> CompanyAsync(long household, string name)
    {
        var tree = (await fixture.Stores.Tree.LoadAsync(CancellationToken.None)).Snapshot();
        var group = (await fixture.Stores.Households.GetAsync(household, CancellationToken.None)).BuildingGroupId;
        Assert.True(tree.TryIndexOf(group, out var index));
        var grid = tree.UnitAt(tree.ParentOf(index));
        var district = tree.UnitAt(tree.AncestorsOf(index).Last());
        return new AttachedOrganization(0, AttachedOrganizationKind.PropertyCompany, name, district.Id, [grid.Id], ["garbage"], "张经理", "010-81500000");
    }

    private async Task<Issue> AcceptedAsync(long household, string request)
    {
        var facts = await IssueFactsOf.HouseholdAsync(fixture.Stores, household, "garbage", $"{GetType().Name}-{request}");
        var (issue, _) = await fixture.Stores.Issues.ReportAsync(facts, Issue.Report(Morning, "service"), CancellationToken.None);
        await fixture.Stores.Issues.CommitAsync(issue, issue.Accept(Morning, "service"), CancellationToken.None);
        return issue;
    }
}

public sealed class SqliteAttachedOrganizationStoreTests(SqliteStoreFixture fixture) : AttachedOrganizationStoreSpecification<SqliteStoreFixture>(fixture);

public sealed class PostgresAttachedOrganizationStoreTests(PostgresStoreFixture fixture) : AttachedOrganizationStoreSpecification<PostgresStoreFixture>(fixture);
