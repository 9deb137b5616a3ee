using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;

namespace Hierarchy.Storage.Stores;

/// <summary>Which issues to list or watch: a subtree, a set of households, a department or the centre's queue, optionally by status, category and report time.</summary>
public sealed record IssueQuery
{
    /// <summary>Gets the level of the subtree's root; null for no subtree filter.</summary>
    public OrgLevel? RootLevel { get; init; }

    /// <summary>Gets the subtree's root unit.</summary>
    public long RootId { get; init; }

    /// <summary>Gets the households, for a party member's view; null for no household filter.</summary>
    public IReadOnlyList<long>? HouseholdIds { get; init; }

    /// <summary>Gets the department whose issues to keep: those it owns or a whistle called it to; null for no department filter.</summary>
    public string? DepartmentCode { get; init; }

    /// <summary>Gets the attached organisation whose issues to keep: those it received first or owns now; null for no organisation filter.</summary>
    public long? OrganizationId { get; init; }

    /// <summary>Gets whether to keep only the dispatch centre's queue: the issues it owns.</summary>
    public bool CentreQueue { get; init; }

    /// <summary>Gets the status to keep; null keeps all.</summary>
    public IssueStatus? Status { get; init; }

    /// <summary>Gets the category to keep; null keeps all.</summary>
    public string? Category { get; init; }

    /// <summary>Gets the earliest report time kept.</summary>
    public DateTimeOffset? ReportedFrom { get; init; }

    /// <summary>Gets the report time before which issues are kept.</summary>
    public DateTimeOffset? ReportedBefore { get; init; }
}
