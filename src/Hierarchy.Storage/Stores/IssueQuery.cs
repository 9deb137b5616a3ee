using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;

namespace Hierarchy.Storage.Stores;

/// <summary>Which issues to list or watch: a subtree or a set of households, optionally by status, category and report time.</summary>
public sealed record IssueQuery
{
    /// <summary>Gets the level of the subtree's root; null for no subtree filter.</summary>
    public OrgLevel? RootLevel { get; init; }

    /// <summary>Gets the subtree's root unit.</summary>
    public long RootId { get; init; }

    /// <summary>Gets the households, for a party member's view; null for no household filter.</summary>
    public IReadOnlyList<long>? HouseholdIds { get; init; }

    /// <summary>Gets the status to keep; null keeps all.</summary>
    public IssueStatus? Status { get; init; }

    /// <summary>Gets the category to keep; null keeps all.</summary>
    public string? Category { get; init; }

    /// <summary>Gets the earliest report time kept.</summary>
    public DateTimeOffset? ReportedFrom { get; init; }

    /// <summary>Gets the report time before which issues are kept.</summary>
    public DateTimeOffset? ReportedBefore { get; init; }
}
