using System.Globalization;

namespace Hierarchy.Domain.Responsibility;

/// <summary>What a new responsibility list changes against the one in force, a line per department or category, for the admin to review.</summary>
public static class ResponsibilityListDiff
{
    /// <summary>Compares two lists: added, removed and changed departments and categories, each with what changed.</summary>
    public static IReadOnlyList<ListDifference> Between(ResponsibilityMatrix before, ResponsibilityMatrix after)
    {
        var differences = new List<ListDifference>();
        var departmentsBefore = before.Departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var departmentsAfter = after.Departments.ToDictionary(d => d.Code, StringComparer.Ordinal);
        foreach (var code in departmentsBefore.Keys.Union(departmentsAfter.Keys).Order(StringComparer.Ordinal))
        {
            var (was, now) = (departmentsBefore.GetValueOrDefault(code), departmentsAfter.GetValueOrDefault(code));
            var changes = new List<string>();
            Compare(changes, "name", was?.Name, now?.Name);
            Add(differences, "department", code, was is null, now is null, changes);
        }

        var rulesBefore = before.Rules.ToDictionary(r => r.Category, StringComparer.Ordinal);
        var rulesAfter = after.Rules.ToDictionary(r => r.Category, StringComparer.Ordinal);
        foreach (var category in rulesBefore.Keys.Union(rulesAfter.Keys).Order(StringComparer.Ordinal))
        {
            var (was, now) = (rulesBefore.GetValueOrDefault(category), rulesAfter.GetValueOrDefault(category));
            var changes = new List<string>();
            if (was is not null && now is not null)
            {
                Compare(changes, "name", was.Name, now.Name);
                Compare(changes, "class", was.ClassName, now.ClassName);
                Compare(changes, "lowest_level", was.LowestLevel.ToString(), now.LowestLevel.ToString());
                Compare(changes, "ceiling_level", was.CeilingLevel.ToString(), now.CeilingLevel.ToString());
                Compare(changes, "lead_department", was.DepartmentCode, now.DepartmentCode);
                Compare(changes, "cooperating_departments", string.Join('|', was.CooperatingDepartments), string.Join('|', now.CooperatingDepartments));
                foreach (var level in Enum.GetValues<Organization.OrgLevel>())
                {
                    Compare(changes, $"{level} hours", Hours(was.TimeLimitAt(level)), Hours(now.TimeLimitAt(level)));
                }

                Compare(changes, "department hours", Hours(was.DepartmentTimeLimit), Hours(now.DepartmentTimeLimit));
                Compare(changes, "reply hours", Hours(was.ReplyDeadline), Hours(now.ReplyDeadline));
                Compare(changes, "first_receiver", was.FirstReceiver?.ToString() ?? string.Empty, now.FirstReceiver?.ToString() ?? string.Empty);
            }

            Add(differences, "category", category, was is null, now is null, changes);
        }

        return differences;
    }

    /// <summary>Gets a one-line summary of the differences, for the history.</summary>
    public static string Summarize(IReadOnlyList<ListDifference> differences) =>
        differences.Count == 0
            ? "no change"
            : string.Join("; ", differences.GroupBy(d => (d.Subject, d.Kind)).Select(g => $"{g.Key.Subject} {g.Key.Kind}: {string.Join(", ", g.Select(d => d.Code))}"));

    private static void Add(List<ListDifference> differences, string subject, string code, bool added, bool removed, List<string> changes)
    {
        if (added)
        {
            differences.Add(new ListDifference(subject, code, ListDifferenceKind.Added, []));
        }
        else if (removed)
        {
            differences.Add(new ListDifference(subject, code, ListDifferenceKind.Removed, []));
        }
        else if (changes.Count > 0)
        {
            differences.Add(new ListDifference(subject, code, ListDifferenceKind.Changed, changes));
        }
    }

    private static void Compare(List<string> changes, string field, string? before, string? after)
    {
        if (before is not null && after is not null && before != after)
        {
            changes.Add($"{field}: {before} → {after}");
        }
    }

    private static string Hours(TimeSpan limit) => limit.TotalHours.ToString(CultureInfo.InvariantCulture);
}
