namespace Hierarchy.Domain.Supervision;

/// <summary>
/// One row of a monthly report (月度通报): a unit's subtree or a department, over the issues reported in the month.
/// Resolved on time: resolved with no deadline passed on the way (no escalation or overdue mark by the sweeper) and
/// before the deadline in force. Replies and explanations count as <see cref="Issues.Issue.IsReplyOverdue"/> and
/// <see cref="Issues.Issue.IsExplanationMissing"/> say at the report's time.
/// </summary>
public sealed class MonthFigures
{
    /// <summary>Gets the unit id, for a unit row; 0 for a department row.</summary>
    public long UnitId { get; init; }

    /// <summary>Gets the department code, for a department row; empty for a unit row.</summary>
    public string DepartmentCode { get; init; } = string.Empty;

    /// <summary>Gets the unit's or department's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the issues received: reported in the subtree, or owned by the department at some step.</summary>
    public int Received { get; set; }

    /// <summary>Gets the issues resolved on time.</summary>
    public int ResolvedOnTime { get; set; }

    /// <summary>Gets the issues resolved, or still open, after a deadline passed.</summary>
    public int Late { get; set; }

    /// <summary>Gets the issues not resolved yet.</summary>
    public int Unresolved { get; set; }

    /// <summary>Gets the replies to citizens made by their deadline.</summary>
    public int RepliesOnTime { get; set; }

    /// <summary>Gets the replies missing past their deadline, or made after it.</summary>
    public int RepliesOverdue { get; set; }

    /// <summary>Gets the issues not solved the same day and not explained that day.</summary>
    public int ExplanationsMissing { get; set; }

    /// <summary>Gets the whistles blown (unit rows) or received (department rows).</summary>
    public int Whistles { get; set; }

    /// <summary>Gets the whistles ruled improper (unit rows).</summary>
    public int ImproperWhistles { get; set; }

    /// <summary>Gets the reports (报到) made after their time (department rows).</summary>
    public int LateReports { get; set; }

    /// <summary>Gets the whistles never reported to and past their time: unanswered whistles.</summary>
    public int NotReported { get; set; }

    /// <summary>Gets the supervision orders received in the month.</summary>
    public int SupervisionOrders { get; set; }

    /// <summary>Gets the ratings by satisfied, basically satisfied and dissatisfied.</summary>
    public int Satisfied { get; set; }

    /// <summary>Gets the basically satisfied ratings.</summary>
    public int BasicallySatisfied { get; set; }

    /// <summary>Gets the dissatisfied ratings.</summary>
    public int Dissatisfied { get; set; }

    /// <summary>Gets the share of ratings that are satisfied or basically satisfied; 0 when none.</summary>
    public double SatisfactionRate => Satisfied + BasicallySatisfied + Dissatisfied == 0 ? 0
        : (double)(Satisfied + BasicallySatisfied) / (Satisfied + BasicallySatisfied + Dissatisfied);

    /// <summary>Gets the score out of 100, set by <see cref="MonthlyReport"/>.</summary>
    public double Score { get; set; }
}
