using System.Globalization;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;

namespace Hierarchy.Domain.Responsibility;

/// <summary>
/// The 职责清单 as two CSV files an admin edits in a spreadsheet: the departments, and the categories with their class, levels,
/// lead and co-operating departments (separated by <c>|</c>), time limit per level and reply deadline, in hours, and the
/// kind of organisation that receives it first in a compound (a file without that last column still reads, with none).
/// </summary>
public static class ResponsibilityListCsv
{
    /// <summary>Gets the header of the departments file.</summary>
    public const string DepartmentsHeader = "code,name";

    /// <summary>Gets the header of the categories file.</summary>
    public const string CategoriesHeader = CategoriesHeaderWithoutFirstReceiver + ",first_receiver";

    // The header of files exported before the first receiver was a column.
    private const string CategoriesHeaderWithoutFirstReceiver =
        "class,category,name,lowest_level,ceiling_level,lead_department,cooperating_departments," +
        "building_group_hours,grid_hours,community_hours,street_hours,district_hours,department_hours,reply_hours";

    private static readonly OrgLevel[] LimitLevels = [OrgLevel.BuildingGroup, OrgLevel.Grid, OrgLevel.Community, OrgLevel.Street, OrgLevel.District];

    /// <summary>Reads both files into a list; every problem names its file, line and column.</summary>
    /// <exception cref="InvalidFieldException">A file is not in the format, or the list breaks a rule.</exception>
    public static ResponsibilityMatrix Parse(string departmentsCsv, string categoriesCsv)
    {
        var departments = Rows("departments_csv", departmentsCsv, DepartmentsHeader)
            .Select(row => new Department(row.Text("code", 0), row.Text("name", 1)))
            .ToList();
        var rules = Rows("categories_csv", categoriesCsv, CategoriesHeader, CategoriesHeaderWithoutFirstReceiver).Select(ParseRule).ToList();
        return new ResponsibilityMatrix(rules, departments);
    }

    /// <summary>Writes the departments file.</summary>
    public static string FormatDepartments(ResponsibilityMatrix matrix) =>
        string.Join('\n', matrix.Departments.Select(d => CsvLine.Join([d.Code, d.Name])).Prepend(DepartmentsHeader)) + "\n";

    /// <summary>Writes the categories file, by class and then category.</summary>
    public static string FormatCategories(ResponsibilityMatrix matrix) =>
        string.Join('\n', matrix.Rules.OrderBy(r => r.ClassName, StringComparer.Ordinal).ThenBy(r => r.Category, StringComparer.Ordinal)
            .Select(r => CsvLine.Join(
            [
                r.ClassName, r.Category, r.Name, r.LowestLevel.ToString(), r.CeilingLevel.ToString(), r.DepartmentCode,
                string.Join('|', r.CooperatingDepartments),
                .. LimitLevels.Select(level => Hours(r.TimeLimitAt(level))), Hours(r.DepartmentTimeLimit), Hours(r.ReplyDeadline),
                r.FirstReceiver?.ToString() ?? string.Empty,
            ]))
            .Prepend(CategoriesHeader)) + "\n";

    private static ResponsibilityRule ParseRule(Row row)
    {
        var limits = LimitLevels.Select((level, i) => (level, limit: row.Hours(LimitColumn(level), 7 + i))).ToDictionary(x => x.level, x => x.limit);
        var cooperating = row.Optional(6).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ResponsibilityRule(
            row.Text("category", 1), row.Text("name", 2), row.Level("lowest_level", 3), row.Level("ceiling_level", 4), row.Text("lead_department", 5),
            limits, row.Hours("department_hours", 12), row.Optional(0), cooperating, row.Hours("reply_hours", 13))
        {
            FirstReceiver = row.Fields.Count > 14 ? row.Receiver("first_receiver", 14) : null,
        };
    }

    private static string LimitColumn(OrgLevel level) => level switch
    {
        OrgLevel.BuildingGroup => "building_group_hours",
        _ => level.ToString().ToLowerInvariant() + "_hours",
    };

    private static string Hours(TimeSpan limit) => limit.TotalHours.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<Row> Rows(string file, string text, string header, string? olderHeader = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidFieldException(file, "is required");
        }

        var lines = text.Split('\n');
        var first = lines[0].TrimStart('\uFEFF').TrimEnd('\r');
        if (first != header && first != olderHeader)
        {
            throw new InvalidFieldException(file, $"line 1 must be the header '{header}', not '{Quote.Prefix(lines[0])}'");
        }

        var width = first.Count(c => c == ',') + 1;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var fields = CsvLine.Split(line, file, i + 1);
            if (fields.Count != width)
            {
                throw new InvalidFieldException(file, $"line {i + 1} has {fields.Count} fields, not {width}");
            }

            yield return new Row(file, i + 1, fields);
        }
    }

    private sealed record Row(string File, int Number, List<string> Fields)
    {
        public string Optional(int column) => Fields[column].Trim();

        public string Text(string name, int column) =>
            Optional(column) is { Length: > 0 } text ? text : throw Problem(name, "is empty");

        public OrgLevel Level(string name, int column)
        {
            var text = Optional(column);
            return text.Length > 0 && char.IsAsciiLetter(text[0]) && Enum.TryParse<OrgLevel>(text, ignoreCase: false, out var level) && Enum.IsDefined(level)
                ? level
                : throw Problem(name, $"'{Quote.Prefix(Fields[column])}' is not District, Street, Community, Grid or BuildingGroup");
        }

        public AttachedOrganizationKind? Receiver(string name, int column)
        {
            var text = Optional(column);
            return text.Length == 0 ? null
                : text is nameof(AttachedOrganizationKind.PropertyCompany) or nameof(AttachedOrganizationKind.OwnersCommittee)
                    or nameof(AttachedOrganizationKind.PropertyManagementCommittee)
                    ? Enum.Parse<AttachedOrganizationKind>(text)
                    : throw Problem(name, $"'{Quote.Prefix(Fields[column])}' is not empty, PropertyCompany, OwnersCommittee or PropertyManagementCommittee");
        }

        public TimeSpan Hours(string name, int column) =>
            double.TryParse(Optional(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && hours > 0 && hours <= 24 * 366
                ? TimeSpan.FromMinutes(Math.Round(hours * 60))
                : throw Problem(name, $"'{Quote.Prefix(Fields[column])}' is not a number of hours above 0 and at most a year");

        private InvalidFieldException Problem(string name, string problem) => new(File, $"line {Number}, column {name}: {problem}");
    }
}
