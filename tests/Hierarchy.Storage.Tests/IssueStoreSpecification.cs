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
        await Issues.CommitAsync(issue, [issue.StartWork(Morning, "admin:1")], CancellationToken.None);

        var row = await Issues.GetAsync(issue.Id, withEvents: false, CancellationToken.None);
        var log = await Issues.GetAsync(issue.Id, withEvents: true, CancellationToken.None);

        Assert.Equal(row.Snapshot(), log.Snapshot());
        Assert.Equal(
            [IssueEventKind.Reported, IssueEventKind.Accepted, IssueEventKind.Dispatched, IssueEventKind.Started],
            log.Events.Select(e => e.Kind));
    }

    [SkippableFact]
    public async Task A_commit_on_a_version_another_writer_moved_is_a_conflict_and_writes_nothing()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var issue = await AcceptedAsync(3, "sewage");
        var stale = await Issues.GetAsync(issue.Id, withEvents: false, CancellationToken.None);
        await Issues.CommitAsync(issue, [issue.StartWork(Morning, "admin:1")], CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(() =>
            Issues.CommitAsync(stale, [stale.StartWork(Morning, "admin:2")], CancellationToken.None));

        Assert.Equal((stale.Version - 1, stale.Version), (conflict.Expected, conflict.Actual));
        var stored = await Issues.GetAsync(issue.Id, withEvents: true, CancellationToken.None);
        Assert.Single(stored.Events, e => e.Kind == IssueEventKind.Started);
        Assert.Equal(issue.Version, stored.Version);
    }

    [SkippableFact]
    public async Task Commits_sharing_a_transaction_all_land_but_the_one_on_a_stale_version()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var issues = new List<Issue>();
        for (var household = 20; household < 40; household++)
        {
            issues.Add((await Issues.ReportAsync(await FactsAsync(household, "noise"), Issue.Report(Morning, "service"), CancellationToken.None)).Issue);
        }

        var stale = await Issues.GetAsync(issues[7].Id, withEvents: false, CancellationToken.None);
        await Issues.CommitAsync(issues[7], issues[7].Accept(Morning, "service"), CancellationToken.None);

        var commits = issues.Where(i => i.Id != stale.Id).Select(i => Issues.CommitAsync(i, i.Accept(Morning, "service"), CancellationToken.None))
            .Append(Issues.CommitAsync(stale, stale.Accept(Morning, "service"), CancellationToken.None)).ToList();
        var outcomes = await Task.WhenAll(commits.Select(async c =>
        {
            try
            {
                await c;
                return null;
            }
            catch (VersionConflictException e)
            {
                return e;
            }
        }));

        Assert.Single(outcomes, o => o is not null);
        var stored = await Task.WhenAll(issues.Select(i => Issues.GetAsync(i.Id, withEvents: true, CancellationToken.None)));
        Assert.All(stored, i => Assert.Equal(IssueStatus.Dispatched, i.Status));
        Assert.All(stored, i => Assert.Single(i.Events, e => e.Kind == IssueEventKind.Accepted));
    }

    [SkippableFact]
    public async Task A_claimed_due_issue_is_not_claimed_again_until_its_claim_lapses()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var issue = await AcceptedAsync(5, "garbage");
        var due = issue.DueAt!.Value;

        var first = await Issues.ClaimDueAsync(due, due.AddSeconds(30), SweepPartition.All, 10_000, CancellationToken.None);
        var whileClaimed = await Issues.ClaimDueAsync(due.AddSeconds(29), due.AddSeconds(59), SweepPartition.All, 10_000, CancellationToken.None);
        var lapsed = await Issues.ClaimDueAsync(due.AddSeconds(30), due.AddSeconds(60), SweepPartition.All, 10_000, CancellationToken.None);

        Assert.Contains(issue.Id, first);
        Assert.DoesNotContain(issue.Id, whileClaimed);
        Assert.Contains(issue.Id, lapsed);
    }

    [SkippableFact]
    public async Task An_escalation_committed_on_a_claimed_issue_leaves_nothing_due_to_claim()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var issue = await AcceptedAsync(7, "garbage");
        var due = issue.DueAt!.Value;
        Assert.Contains(issue.Id, await Issues.ClaimDueAsync(due, due.AddSeconds(30), SweepPartition.All, 10_000, CancellationToken.None));

        await Issues.CommitAsync(issue, [issue.EscalateIfDue(due)!], CancellationToken.None);

        Assert.DoesNotContain(issue.Id, await Issues.ClaimDueAsync(due.AddMinutes(1), due.AddMinutes(2), SweepPartition.All, 10_000, CancellationToken.None));
        Assert.Equal(1, (await Issues.GetAsync(issue.Id, withEvents: false, CancellationToken.None)).ChainStep);
    }

    [SkippableFact]
    public async Task Sweep_partitions_claim_disjoint_issues()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var issues = new[] { await AcceptedAsync(8, "garbage"), await AcceptedAsync(9, "garbage"), await AcceptedAsync(10, "garbage") };
        var due = issues.Max(i => i.DueAt!.Value);

        var claims = await Task.WhenAll(Enumerable.Range(0, 3).Select(p =>
            Issues.ClaimDueAsync(due, due.AddSeconds(30), new SweepPartition(p, 3), 10_000, CancellationToken.None)));

        Assert.All(issues, issue => Assert.Single(claims, c => c.Contains(issue.Id)));
        Assert.All(claims.SelectMany(c => c), id => Assert.Equal(claims.Select((c, p) => (c, p)).Single(x => x.c.Contains(id)).p, (int)(id % 3)));
    }

    [SkippableFact]
    public async Task A_report_is_announced_on_the_issue_channel_once_it_is_committed()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var announced = new List<(string Channel, bool Readable)>();
        var facts = await FactsAsync(41, "noise");
        void Heard(string channel) => announced.Add((channel, fixture.Stores.Database.RunAsync(
            c => Providers.Sql.ScalarAsync<long>(c, null, "SELECT COUNT(*) FROM issues WHERE request_id = @r", CancellationToken.None, ("r", facts.RequestId)),
            CancellationToken.None).GetAwaiter().GetResult() == 1));
        fixture.Stores.Database.Committed += Heard;
        try
        {
            await Issues.ReportAsync(facts, Issue.Report(Morning, "service"), CancellationToken.None);
        }
        finally
        {
            fixture.Stores.Database.Committed -= Heard;
        }

        Assert.Contains((IssueStore.Channel, true), announced);
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

    [SkippableFact]
    public async Task An_accepted_issue_counts_as_overdue_once_its_time_limit_passes()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        // Accepted a month after the other tests' issues, so no other issue shares its deadline.
        var later = Morning.AddDays(30);
        var (issue, _) = await Issues.ReportAsync(await FactsAsync(11, "garbage"), Issue.Report(later, "service"), CancellationToken.None);
        await Issues.CommitAsync(issue, issue.Accept(later, "service"), CancellationToken.None);
        var due = (await Issues.GetAsync(issue.Id, withEvents: false, CancellationToken.None)).DueAt!.Value;

        var before = await Issues.CountOverdueAsync(due, CancellationToken.None);
        var after = await Issues.CountOverdueAsync(due.AddSeconds(1), CancellationToken.None);

        Assert.Equal(before + 1, after);
    }

    private async Task<Issue> AcceptedAsync(long household, string category)
    {
        var (issue, _) = await Issues.ReportAsync(await FactsAsync(household, category), Issue.Report(Morning, "service"), CancellationToken.None);
        await Issues.CommitAsync(issue, issue.Accept(Morning, "service"), CancellationToken.None);
        return issue;
    }

    private Task<IssueFacts> FactsAsync(long householdId, string category) =>
        IssueFactsOf.HouseholdAsync(fixture.Stores, householdId, category, $"{GetType().Name}-{householdId}-{category}");
}

public sealed class SqliteIssueStoreTests(SqliteStoreFixture fixture) : IssueStoreSpecification<SqliteStoreFixture>(fixture);

public sealed class PostgresIssueStoreTests(PostgresStoreFixture fixture) : IssueStoreSpecification<PostgresStoreFixture>(fixture);
