using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Domain.Tests;

public sealed class IssueTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Accepting_dispatches_to_the_grid_with_a_same_day_deadline()
    {
        var issue = Accepted("sewage");

        Assert.Equal(IssueStatus.Dispatched, issue.Status);
        Assert.Equal(IssueOwner.Unit(TongzhouTree.QunfangyuanGrid1), issue.Owner);
        Assert.Equal(Morning + TimeSpan.FromHours(24), issue.DueAt);
    }

    [Fact]
    public void An_illegal_transition_names_both_states_and_adds_nothing()
    {
        var issue = Accepted("sewage");

        var error = Assert.Throws<RuleViolationException>(() => issue.Rate(Morning, "service", Satisfaction.Satisfied));

        Assert.Equal("cannot rate issue 42: it is Dispatched, not Resolved", error.Message);
        Assert.Equal(3, issue.Version);
    }

    [Fact]
    public void The_sweeper_leaves_an_issue_alone_before_its_deadline() =>
        Assert.Null(Accepted("sewage").EscalateIfDue(Morning + TimeSpan.FromHours(23)));

    [Fact]
    public void Unresolved_sewage_climbs_grid_community_street_water_department_district_then_is_marked_overdue()
    {
        var issue = Accepted("sewage");
        var now = Morning;
        var owners = new List<string>();
        while (issue.EscalateIfDue(now = issue.DueAt!.Value) is { Kind: IssueEventKind.Escalated } step)
        {
            issue.Apply(step);
            owners.Add(issue.Owner.ToString());
        }

        Assert.Equal(["unit 10", "unit 2", "department water", "unit 1"], owners);
        Assert.Equal(IssueEventKind.Overdue, issue.EscalateIfDue(now)!.Kind);
        Assert.Equal(IssueOwner.Unit(TongzhouTree.QunfangyuanGrid1), issue.FirstReceiver);
    }

    [Fact]
    public void Escalating_on_request_needs_a_reason()
    {
        var issue = Accepted("sewage");

        Assert.Equal("reason", Assert.Throws<InvalidFieldException>(() => issue.Escalate(Morning, "admin:100", " ")).Field);
    }

    [Fact]
    public void A_dissatisfied_rating_reopens_once_and_only_once()
    {
        var issue = Accepted("elevator");
        Do(issue, i => [i.StartWork(Morning, "admin:1000")], i => [i.Resolve(Morning, "admin:1000", "修好了")]);
        Do(issue, i => [i.Rate(Morning, "service", Satisfaction.Dissatisfied)], i => [i.Reopen(Morning, "service", "还是坏的")]);
        Do(issue, i => [i.StartWork(Morning, "admin:1000")], i => [i.Resolve(Morning, "admin:1000", "换了电机")]);
        Do(issue, i => [i.Rate(Morning, "service", Satisfaction.Dissatisfied)]);

        var error = Assert.Throws<RuleViolationException>(() => issue.Reopen(Morning, "service", "还是坏的"));

        Assert.Contains("reopened once already", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_satisfied_issue_cannot_be_reopened()
    {
        var issue = Accepted("elevator");
        Do(issue, i => [i.StartWork(Morning, "a")], i => [i.Resolve(Morning, "a", "ok")], i => [i.Rate(Morning, "s", Satisfaction.Satisfied)]);

        Assert.Throws<RuleViolationException>(() => issue.Reopen(Morning, "service", "again"));
    }

    [Fact]
    public void Folding_the_log_rebuilds_the_same_state()
    {
        var issue = Accepted("sewage");
        issue.Apply(issue.EscalateIfDue(issue.DueAt!.Value)!);

        var again = Issue.Fold(issue.Facts, issue.Events);

        Assert.Equal((issue.Status, issue.Owner, issue.DueAt, issue.Version), (again.Status, again.Owner, again.DueAt, again.Version));
    }

    [Fact]
    public void An_issue_not_solved_the_same_day_without_an_explanation_that_day_is_missing_one()
    {
        var issue = Accepted("sewage");
        var midnight = new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(midnight, issue.ExplainBy);
        Assert.False(issue.IsExplanationMissing(midnight));
        Assert.True(issue.IsExplanationMissing(midnight.AddMinutes(1)));
    }

    [Fact]
    public void An_explanation_the_same_day_covers_an_issue_solved_later()
    {
        var issue = Accepted("sewage");
        issue.Apply(issue.Explain(Morning.AddHours(10), "admin:3", "管道疏通需要明天进场"));

        Assert.False(issue.IsExplanationMissing(Morning.AddDays(2)));
    }

    [Fact]
    public void A_reply_after_its_deadline_stays_overdue_and_none_by_then_is_overdue()
    {
        var issue = Accepted("sewage");
        var due = issue.ReplyDueAt;

        Assert.Equal(Morning.AddDays(1), due);
        Assert.True(issue.IsReplyOverdue(due.AddTicks(1)));
        issue.Apply(issue.Reply(due.AddHours(1), "admin:3", "已处理"));
        Assert.True(issue.IsReplyOverdue(due.AddDays(3)));
    }

    [Fact]
    public void A_department_reports_once_for_a_whistle_and_a_second_report_is_refused()
    {
        var issue = Accepted("sewage");
        issue.Apply(issue.Whistle(Morning, "admin:2", "water", ["housing"], TimeSpan.FromMinutes(30), "污水外溢需水务"));
        issue.Apply(issue.CheckIn(Morning.AddMinutes(40), "department:water", "water", "已到场"));

        var error = Assert.Throws<RuleViolationException>(() => issue.CheckIn(Morning.AddMinutes(41), "department:water", "water", "again"));

        Assert.Contains("no whistle is waiting for it", error.Message, StringComparison.Ordinal);
        Assert.True(issue.Summons.Single(s => s.DepartmentCode == "water").IsLate(Morning.AddHours(1)));
        Assert.Null(issue.Summons.Single(s => s.DepartmentCode == "housing").CheckedInAt);
    }

    [Fact]
    public void A_deadline_the_sweeper_moved_an_issue_past_is_held_against_the_owner_it_moved_from()
    {
        var issue = Accepted("sewage");
        var grid = issue.Owner;
        issue.Apply(issue.EscalateIfDue(Morning.AddHours(25))!);

        var missed = Supervision.MonthlyReport.DeadlinesMissed(issue, Morning.AddHours(26)).ToArray();

        Assert.Equal([grid], missed);
    }

    private static Issue Accepted(string category)
    {
        var tree = TongzhouTree.Snapshot();
        Assert.True(tree.TryIndexOf(TongzhouTree.Building1, out var place));
        var facts = IssueRouting.Facts(tree, ResponsibilityResolver.Resolve(tree, place, category), 42, "r-42", IssueChannel.Hotline, "污水外溢", 7);
        var issue = Issue.Fold(facts, [Issue.Report(Morning, "service")]);
        foreach (var e in issue.Accept(Morning, "service"))
        {
            issue.Apply(e);
        }

        return issue;
    }

    private static void Do(Issue issue, params Func<Issue, IssueEvent[]>[] steps)
    {
        foreach (var step in steps)
        {
            foreach (var e in step(issue))
            {
                issue.Apply(e);
            }
        }
    }
}
