using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Storage.Tests;

/// <summary>What every engine must do with issues; one sealed subclass per engine runs it.</summary>
public abstract class IssueStoreSpecification<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StoreFixture
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private IIssueStore Issues => fixture.Stores.Issues;

    [SkippableFact]
    public async Task Reporting_twice_with_one_request_id_stores_one_issue()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var facts = await FactsAsync(1, "sewage");

        var (first, created) = await Issues.ReportAsync(facts, Issue.Report(Morning, "service"), CancellationToken.None);
        var (again, createdAgain) = await Issues.ReportAsync(facts, Issue.Report(Morning.AddMinutes(1), "service"), CancellationToken.None);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, again.Id);
    }

    [SkippableFact]
    public async Task The_stored_fold_equals_the_fold_of_the_stored_log()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var issue = await AcceptedAsync(2, "sewage");
        await Issues.UpdateAsync(issue.Id, 0, i => [i.StartWork(Morning, "admin:1")], CancellationToken.None);

        var row = await Issues.GetAsync(issue.Id, withEvents: false, CancellationToken.None);
        var log = await Issues.GetAsync(issue.Id, withEvents: true, CancellationToken.None);

        Assert.Equal(row.Snapshot(), log.Snapshot());
        Assert.Equal(
            [IssueEventKind.Reported, IssueEventKind.Accepted, IssueEventKind.Dispatched, IssueEventKind.Started],
            log.Events.Select(e => e.Kind));
    }

    [SkippableFact]
    public async Task A_refused_transition_changes_nothing()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var issue = await AcceptedAsync(3, "sewage");

        await Assert.ThrowsAsync<RuleViolationException>(() =>
            Issues.UpdateAsync(issue.Id, 0, i => [i.Resolve(Morning, "admin:1", "done")], CancellationToken.None));

        Assert.Equal(issue.Snapshot(), (await Issues.GetAsync(issue.Id, false, CancellationToken.None)).Snapshot());
    }

    [SkippableFact]
    public async Task A_stale_expected_version_is_a_conflict()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var issue = await AcceptedAsync(4, "sewage");

        await Assert.ThrowsAsync<VersionConflictException>(() =>
            Issues.UpdateAsync(issue.Id, issue.Version - 1, i => [i.StartWork(Morning, "admin:1")], CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_due_issue_is_escalated_once_however_often_the_sweeper_runs()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var issue = await AcceptedAsync(5, "garbage");
        var due = issue.DueAt!.Value;

        var first = await Issues.SweepAsync(due, 10_000, CancellationToken.None);
        var second = await Issues.SweepAsync(due, 10_000, CancellationToken.None);

        Assert.Contains(first, i => i.Id == issue.Id);
        Assert.DoesNotContain(second, i => i.Id == issue.Id);
        var stored = await Issues.GetAsync(issue.Id, true, CancellationToken.None);
        Assert.Single(stored.Events, e => e.Kind == IssueEventKind.Escalated);
        Assert.Equal(1, stored.ChainStep);
    }

    [SkippableFact]
    public async Task Issues_list_by_community_and_status()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var issue = await AcceptedAsync(6, "noise");
        var community = issue.Facts.Path[(int)OrgLevel.Community - 1];

        var listed = await Issues.ListAsync(
            new IssueQuery { RootLevel = OrgLevel.Community, RootId = community, Status = IssueStatus.Dispatched }, 0, 100, CancellationToken.None);

        Assert.Contains(listed, i => i.Id == issue.Id);
        Assert.All(listed, i => Assert.Equal(community, i.Facts.Path[2]));
    }

    [SkippableFact]
    public async Task Events_after_a_position_come_in_log_order_for_the_households_asked()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var issue = await AcceptedAsync(7, "noise");

        var events = await Issues.EventsAfterAsync(new IssueQuery { HouseholdIds = [7] }, 0, long.MaxValue, 100, CancellationToken.None);

        Assert.Equal(events.Select(e => e.Event.Position).Order(), events.Select(e => e.Event.Position));
        Assert.Contains(events, e => e.Issue.Id == issue.Id && e.Event.Kind == IssueEventKind.Dispatched);
    }

    private async Task<Issue> AcceptedAsync(long household, string category)
    {
        var (issue, _) = await Issues.ReportAsync(await FactsAsync(household, category), Issue.Report(Morning, "service"), CancellationToken.None);
        return (await Issues.UpdateAsync(issue.Id, 0, i => i.Accept(Morning, "service"), CancellationToken.None)).Issue;
    }

    private Task<IssueFacts> FactsAsync(long householdId, string category) =>
        IssueFactsOf.HouseholdAsync(fixture.Stores, householdId, category, $"{GetType().Name}-{householdId}-{category}");
}

public sealed class SqliteIssueStoreTests(SqliteStoreFixture fixture) : IssueStoreSpecification<SqliteStoreFixture>(fixture);

public sealed class PostgresIssueStoreTests(PostgresStoreFixture fixture) : IssueStoreSpecification<PostgresStoreFixture>(fixture);
