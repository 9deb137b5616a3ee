using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.Supervision;

/// <summary>
/// 月度通报: a unit's month, a row per child unit and a row per department its issues reached, each scored out of 100
/// less the weights for what failed. Pure: the caller loads the month's issues (with their logs) and orders.
/// </summary>
public static class MonthlyReport
{
    /// <summary>Computes the unit rows (one per child of <paramref name="rootIndex"/>, or the root alone when it has none) and the department rows.</summary>
    public static (IReadOnlyList<MonthFigures> Units, IReadOnlyList<MonthFigures> Departments) Compute(
        OrgTreeSnapshot tree, int rootIndex, IReadOnlyList<Issue> issues, IReadOnlyList<SupervisionOrder> orders, DateTimeOffset now, ScoringWeights weights)
    {
        var children = tree.ChildrenOf(rootIndex).ToArray();
        var rows = (children.Length == 0 ? [rootIndex] : children)
            .Select(i => (Index: i, Row: new MonthFigures { UnitId = tree.UnitAt(i).Id, Name = tree.UnitAt(i).Name }))
            .ToArray();
        var departments = new SortedDictionary<string, MonthFigures>(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            var row = rows.FirstOrDefault(r => issue.Facts.Path.Contains(tree.UnitAt(r.Index).Id)).Row;
            if (row is not null)
            {
                CountForUnit(row, issue, now);
            }

            foreach (var code in DepartmentsOf(issue))
            {
                var department = departments.TryGetValue(code, out var found) ? found : departments[code] = new MonthFigures
                {
                    DepartmentCode = code,
                    Name = tree.Matrix.Departments.FirstOrDefault(d => d.Code == code)?.Name ?? code,
                };
                CountForDepartment(department, issue, code, now);
            }
        }

        foreach (var order in orders)
        {
            if (order.Target.DepartmentCode is { } code && departments.TryGetValue(code, out var department))
            {
                department.SupervisionOrders++;
            }
            else if (order.Target.UnitId is { } unit && tree.TryIndexOf(unit, out var index)
                && rows.FirstOrDefault(r => tree.IsInSubtree(index, r.Index)).Row is { } row)
            {
                row.SupervisionOrders++;
            }
        }

        foreach (var row in rows.Select(r => r.Row))
        {
            row.Score = Score(100 - (row.Late * weights.LateResolution) - (row.RepliesOverdue * weights.OverdueReply)
                - (row.ExplanationsMissing * weights.MissingExplanation) - (row.ImproperWhistles * weights.ImproperWhistle)
                - (row.SupervisionOrders * weights.SupervisionOrder));
        }

        foreach (var row in departments.Values)
        {
            row.Score = Score(100 - (row.Late * weights.LateResolution) - (row.LateReports * weights.LateReport)
                - (row.NotReported * weights.NotReported) - (row.SupervisionOrders * weights.SupervisionOrder));
        }

        return ([.. rows.Select(r => r.Row)], [.. departments.Values]);
    }

    /// <summary>Gets the owners that let a deadline pass: the sweeper moved the issue on from them or marked it overdue, they resolved it after their deadline, or hold it open past it.</summary>
    public static IEnumerable<IssueOwner> DeadlinesMissed(Issue issue, DateTimeOffset now)
    {
        (IssueOwner Owner, DateTimeOffset? Due) before = (default, null);
        foreach (var e in issue.Events)
        {
            var bySweeper = e.Actor == "sweeper" && e.Kind is IssueEventKind.Escalated or IssueEventKind.Overdue;
            if (bySweeper || (e.Kind == IssueEventKind.Resolved && before.Due is { } due && e.At > due))
            {
                yield return before.Owner;
            }

            before = (e.Owner, e.DueAt);
        }

        if (issue.IsOpen && issue.DueAt is { } open && now > open)
        {
            yield return issue.Owner;
        }
    }

    private static void CountForUnit(MonthFigures row, Issue issue, DateTimeOffset now)
    {
        row.Received++;
        if (DeadlinesMissed(issue, now).Any())
        {
            row.Late++;
        }
        else if (!issue.IsOpen)
        {
            row.ResolvedOnTime++;
        }

        row.Unresolved += issue.IsOpen ? 1 : 0;
        row.RepliesOnTime += issue.RepliedAt <= issue.ReplyDueAt ? 1 : 0;
        row.RepliesOverdue += issue.IsReplyOverdue(now) ? 1 : 0;
        row.ExplanationsMissing += issue.IsExplanationMissing(now) ? 1 : 0;
        row.Whistles += issue.Summons.Select(s => s.SummonedAt).Distinct().Count();
        row.ImproperWhistles += issue.ImproperWhistles;
        row.NotReported += issue.Summons.Count(s => s.CheckedInAt is null && now > s.DueAt);
        Rate(row, issue);
    }

    private static void CountForDepartment(MonthFigures row, Issue issue, string code, DateTimeOffset now)
    {
        var owned = issue.Events.Any(e => e.Owner.DepartmentCode == code);
        var summons = issue.Summons.Where(s => s.DepartmentCode == code).ToArray();
        row.Whistles += summons.Length;
        row.LateReports += summons.Count(s => s.CheckedInAt is { } at && at > s.DueAt);
        row.NotReported += summons.Count(s => s.CheckedInAt is null && now > s.DueAt);
        if (!owned)
        {
            return;
        }

        row.Received++;
        if (DeadlinesMissed(issue, now).Any(owner => owner.DepartmentCode == code))
        {
            row.Late++;
        }
        else if (!issue.IsOpen && issue.Owner.DepartmentCode == code)
        {
            row.ResolvedOnTime++;
        }

        row.Unresolved += issue.IsOpen && issue.Owner.DepartmentCode == code ? 1 : 0;
        Rate(row, issue);
    }

    private static IEnumerable<string> DepartmentsOf(Issue issue) =>
        issue.Events.Select(e => e.Owner.DepartmentCode).OfType<string>().Where(c => c != Responsibility.DispatchCentre.Code)
            .Concat(issue.Summons.Select(s => s.DepartmentCode)).Distinct(StringComparer.Ordinal);

    private static void Rate(MonthFigures row, Issue issue)
    {
        switch (issue.Rating)
        {
            case Satisfaction.Satisfied:
                row.Satisfied++;
                break;
            case Satisfaction.BasicallySatisfied:
                row.BasicallySatisfied++;
                break;
            case Satisfaction.Dissatisfied:
                row.Dissatisfied++;
                break;
        }
    }

    private static double Score(double points) => Math.Max(0, Math.Round(points, 1));
}
