using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;

namespace Hierarchy.Domain.Responsibility;

/// <summary>One row of the 职责清单: who handles a category first, how high it may climb, the department past the street, and each level's time limit.</summary>
/// <param name="Category">Gets the category code, such as "sewage".</param>
/// <param name="Name">Gets the category's name, such as "污水外溢".</param>
/// <param name="LowestLevel">Gets the lowest level that must handle it.</param>
/// <param name="CeilingLevel">Gets the highest unit level it may reach before the department.</param>
/// <param name="DepartmentCode">Gets the department it goes to past the ceiling.</param>
/// <param name="TimeLimits">Gets the time limit at each level.</param>
/// <param name="DepartmentTimeLimit">Gets the department's time limit.</param>
public sealed record ResponsibilityRule(
    string Category,
    string Name,
    OrgLevel LowestLevel,
    OrgLevel CeilingLevel,
    string DepartmentCode,
    IReadOnlyDictionary<OrgLevel, TimeSpan> TimeLimits,
    TimeSpan DepartmentTimeLimit)
{
    /// <summary>Gets the time limit at <paramref name="level"/>: same-day unless the matrix says otherwise (当天可以解决的必须当天解决).</summary>
    public TimeSpan TimeLimitAt(OrgLevel level) => TimeLimits.TryGetValue(level, out var limit) ? limit : TimeSpan.FromDays(1);

    /// <summary>Checks the rule: the lowest level is at or below the ceiling, which is at most the district.</summary>
    /// <exception cref="InvalidFieldException">The rule is inconsistent.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Category))
        {
            throw new InvalidFieldException("category", "is required");
        }

        if (LowestLevel < CeilingLevel)
        {
            throw new InvalidFieldException("lowest_level", $"{LowestLevel} is above the ceiling {CeilingLevel} for {Category}");
        }
    }
}
