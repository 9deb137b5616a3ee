using System.Globalization;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Domain.Supervision;

/// <summary>A monthly report as one CSV file for a spreadsheet: the unit rows, then the department rows, told apart by the first column.</summary>
public static class MonthlyReportCsv
{
    /// <summary>Gets the header.</summary>
    public const string Header =
        "kind,code,name,received,resolved_on_time,late,unresolved,replies_on_time,replies_overdue,explanations_missing,whistles," +
        "improper_whistles,late_reports,not_reported,supervision_orders,satisfied,basically_satisfied,dissatisfied,satisfaction_rate,score";

    /// <summary>Writes the report; a unit's code is its unit code as given by <paramref name="codeOf"/>.</summary>
    public static string Format(IReadOnlyList<MonthFigures> units, IReadOnlyList<MonthFigures> departments, Func<long, string> codeOf) =>
        string.Join('\n', units.Select(r => Line("unit", codeOf(r.UnitId), r)).Concat(departments.Select(r => Line("department", r.DepartmentCode, r)))
            .Prepend(Header)) + "\n";

    private static string Line(string kind, string code, MonthFigures r) => CsvLine.Join(
    [
        kind, code, r.Name, .. new[]
        {
            r.Received, r.ResolvedOnTime, r.Late, r.Unresolved, r.RepliesOnTime, r.RepliesOverdue, r.ExplanationsMissing, r.Whistles,
            r.ImproperWhistles, r.LateReports, r.NotReported, r.SupervisionOrders, r.Satisfied, r.BasicallySatisfied, r.Dissatisfied,
        }.Select(n => n.ToString(CultureInfo.InvariantCulture)),
        r.SatisfactionRate.ToString("0.###", CultureInfo.InvariantCulture), r.Score.ToString("0.#", CultureInfo.InvariantCulture),
    ]);
}
