using System.Globalization;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Domain.People;

/// <summary>The link coverage report as CSV for a spreadsheet: a line per row, the unit's own last.</summary>
public static class LinkCoverageCsv
{
    /// <summary>Gets the header.</summary>
    public const string Header = "code,name,households,linked,unlinked,coverage,members,members_below,members_above,grids,grids_below,grids_above";

    /// <summary>Writes the rows; a unit's code is given by <paramref name="codeOf"/>.</summary>
    public static string Format(IReadOnlyList<CoverageFigures> rows, Func<long, string> codeOf) =>
        string.Join('\n', rows.Select(r => CsvLine.Join(
        [
            codeOf(r.UnitId), r.Name, .. new[] { r.Households, r.Linked, r.Households - r.Linked }.Select(n => n.ToString(CultureInfo.InvariantCulture)),
            r.Rate.ToString("0.####", CultureInfo.InvariantCulture),
            .. new[] { r.Members, r.MembersBelow, r.MembersAbove, r.Grids, r.GridsBelow, r.GridsAbove }.Select(n => n.ToString(CultureInfo.InvariantCulture)),
        ])).Prepend(Header)) + "\n";
}
