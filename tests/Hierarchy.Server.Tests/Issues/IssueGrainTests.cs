using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Server.Issues;
using Hierarchy.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Server.Tests.Issues;

/// <summary>An issue's grain holds its fold between calls; a write it did not make (a reorganisation's reroute) must not make it wrong or stuck.</summary>
[Collection(TongzhouIssueServerCollection.Name)]
public sealed class IssueGrainTests(TongzhouIssueServer tongzhou)
{
    private static readonly Caller Service = new(CallerRole.Service, 0);

    private IIssueStore Store => tongzhou.Server.Services.GetRequiredService<IIssueStore>();

    [Fact]
    public async Task A_grain_holding_an_older_fold_takes_the_next_step_on_what_another_writer_committed()
    {
        var issue = await AcceptedAsync("grain-stale-fold", tongzhou.HouseholdIn("110112001006", 1));
        var stored = await Store.GetAsync(issue.Id, withEvents: false, CancellationToken.None);
        await Store.CommitAsync(stored, [stored.StartWork(tongzhou.Clock.GetUtcNow(), "admin:1")], CancellationToken.None);

        var escalated = await tongzhou.Workflow.EscalateAsync(Service, issue.Id, 0, "需要社区协调", CancellationToken.None);

        Assert.Equal(stored.Version + 1, escalated.Version);
        var log = await Store.GetAsync(issue.Id, withEvents: true, CancellationToken.None);
        Assert.Equal([IssueEventKind.Started, IssueEventKind.Escalated], log.Events.TakeLast(2).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_caller_who_read_another_writers_commit_is_not_refused_by_a_grain_holding_an_older_fold()
    {
        var issue = await AcceptedAsync("grain-newer-read", tongzhou.HouseholdIn("110112001006", 2));
        var stored = await Store.GetAsync(issue.Id, withEvents: false, CancellationToken.None);
        await Store.CommitAsync(stored, [stored.StartWork(tongzhou.Clock.GetUtcNow(), "admin:1")], CancellationToken.None);

        var resolved = await tongzhou.Workflow.ResolveAsync(Service, issue.Id, stored.Version, "已疏通", CancellationToken.None);

        Assert.Equal((IssueStatus.Resolved, stored.Version + 1), (resolved.Status, resolved.Version));
    }

    [Fact]
    public async Task A_caller_behind_the_stored_issue_is_aborted_with_both_versions_and_changes_nothing()
    {
        var issue = await AcceptedAsync("grain-behind", tongzhou.HouseholdIn("110112001006", 3));
        await tongzhou.Workflow.StartWorkAsync(Service, issue.Id, issue.Version, CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(() =>
            tongzhou.Workflow.ResolveAsync(Service, issue.Id, issue.Version, "已疏通", CancellationToken.None));

        Assert.Equal((issue.Version, issue.Version + 1), (conflict.Expected, conflict.Actual));
        Assert.Equal(IssueStatus.InProgress, (await Store.GetAsync(issue.Id, withEvents: false, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_step_the_loop_refuses_leaves_the_grain_able_to_take_the_next_one()
    {
        var issue = await AcceptedAsync("grain-refused", tongzhou.HouseholdIn("110112001006", 4));

        await Assert.ThrowsAsync<RuleViolationException>(() => tongzhou.Workflow.RateAsync(Service, issue.Id, 0, Satisfaction.Satisfied, CancellationToken.None));
        var started = await tongzhou.Workflow.StartWorkAsync(Service, issue.Id, issue.Version, CancellationToken.None);

        Assert.Equal((IssueStatus.InProgress, issue.Version + 1), (started.Status, started.Version));
    }

    private async Task<Issue> AcceptedAsync(string requestId, long household)
    {
        var issue = await tongzhou.Workflow.ReportAsync(
            Service, new ReportCommand(requestId, household, 0, string.Empty, "sewage", IssueChannel.Hotline, "下水道堵塞"), CancellationToken.None);
        return await tongzhou.Workflow.AcceptAsync(Service, issue.Id, 0, CancellationToken.None);
    }
}
