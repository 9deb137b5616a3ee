using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;

namespace Hierarchy.Domain.Responsibility;

/// <summary>One row of the 职责清单: who handles a category first, how high it may climb, the department past the street, and each level's time limit.</summary>
/// <param name="category">The category code, such as "sewage".</param>
/// <param name="name">The category's name, such as "污水外溢".</param>
/// <param name="lowestLevel">The lowest level that must handle it.</param>
/// <param name="ceilingLevel">The highest unit level it may reach before the department.</param>
/// <param name="departmentCode">The department it goes to past the ceiling.</param>
/// <param name="timeLimits">The time limit at each level; a level not named gets one day.</param>
/// <param name="departmentTimeLimit">The department's time limit.</param>
/// <param name="className">The class the category is grouped in (公共事, 物业事 …); empty when ungrouped.</param>
/// <param name="cooperatingDepartments">The departments that co-operate (配合责任) with the lead one when it is called in.</param>
/// <param name="replyDeadline">How long after the report the citizen must have a reply (收办回疏); a day when not given.</param>
public sealed class ResponsibilityRule(
    string category,
    string name,
    OrgLevel lowestLevel,
    OrgLevel ceilingLevel,
    string departmentCode,
    IReadOnlyDictionary<OrgLevel, TimeSpan> timeLimits,
    TimeSpan departmentTimeLimit,
    string className = "",
    IReadOnlyList<string>? cooperatingDepartments = null,
    TimeSpan? replyDeadline = null)
{
    // Indexed by level so Resolve reads a limit without hashing.
    private readonly TimeSpan[] _limitsByLevel =
        [.. Enumerable.Range(0, (int)OrgLevel.BuildingGroup + 1)
            .Select(l => timeLimits.TryGetValue((OrgLevel)l, out var limit) ? limit : TimeSpan.FromDays(1))];

    /// <summary>Gets the category code.</summary>
    public string Category { get; } = category;

    /// <summary>Gets the category's name.</summary>
    public string Name { get; } = name;

    /// <summary>Gets the lowest level that must handle the category.</summary>
    public OrgLevel LowestLevel { get; } = lowestLevel;

    /// <summary>Gets the highest unit level the category may reach before the department.</summary>
    public OrgLevel CeilingLevel { get; } = ceilingLevel;

    /// <summary>Gets the lead department (主体责任), called past the ceiling or by a whistle.</summary>
    public string DepartmentCode { get; } = departmentCode;

    /// <summary>Gets the class the category is grouped in; empty when ungrouped.</summary>
    public string ClassName { get; } = className;

    /// <summary>Gets the co-operating departments (配合责任), in the order the list names them.</summary>
    public IReadOnlyList<string> CooperatingDepartments { get; } = cooperatingDepartments ?? [];

    /// <summary>Gets how long after the report the citizen must have a reply.</summary>
    public TimeSpan ReplyDeadline { get; } = replyDeadline ?? TimeSpan.FromDays(1);

    /// <summary>
    /// Gets the kind of organisation that receives the category first in a compound it serves (有事您找我: the property
    /// company), whether or not it names the category itself; null when none does.
    /// </summary>
    public AttachedOrganizationKind? FirstReceiver { get; init; }

    /// <summary>Gets the time limits as configured.</summary>
    public IReadOnlyDictionary<OrgLevel, TimeSpan> TimeLimits { get; } = timeLimits;

    /// <summary>Gets the department's time limit.</summary>
    public TimeSpan DepartmentTimeLimit { get; } = departmentTimeLimit;

    /// <summary>Gets the time limit at <paramref name="level"/>: same-day unless the matrix says otherwise (当天可以解决的必须当天解决).</summary>
    public TimeSpan TimeLimitAt(OrgLevel level) => _limitsByLevel[(int)level];

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

        if (FirstReceiver is { } receiver && (receiver == AttachedOrganizationKind.Zone || !Enum.IsDefined(receiver)))
        {
            throw new InvalidFieldException("first_receiver", $"{Category}: a first receiver is a PropertyCompany, OwnersCommittee or PropertyManagementCommittee, not {receiver}");
        }

        if (CooperatingDepartments.Contains(DepartmentCode, StringComparer.Ordinal))
        {
            throw new InvalidFieldException("cooperating_departments", $"{Category} names its lead department {DepartmentCode} as co-operating too");
        }

        if (TimeLimits.Values.Append(DepartmentTimeLimit).Append(ReplyDeadline).Any(limit => limit <= TimeSpan.Zero))
        {
            throw new InvalidFieldException("time_limits", $"{Category} has a time limit or reply deadline that is not positive");
        }
    }
}
