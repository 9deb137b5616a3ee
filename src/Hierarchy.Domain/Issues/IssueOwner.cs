using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Domain.Issues;

/// <summary>Who owns an issue: an org unit, a department once it passed the street, or an attached organisation (a zone, a property company).</summary>
/// <param name="UnitId">Gets the owning unit; null when a department or an organisation owns it.</param>
/// <param name="DepartmentCode">Gets the owning department; null when a unit or an organisation owns it.</param>
/// <param name="OrganizationId">Gets the owning attached organisation; null when a unit or a department owns it.</param>
public readonly record struct IssueOwner(long? UnitId, string? DepartmentCode, long? OrganizationId = null)
{
    /// <summary>Gets an owner unit.</summary>
    public static IssueOwner Unit(long id) => new(id, null);

    /// <summary>Gets an owner department.</summary>
    public static IssueOwner Department(string code) => new(null, code);

    /// <summary>Gets an owner organisation.</summary>
    public static IssueOwner Organization(long id) => new(null, null, id);

    /// <summary>Gets the dispatch centre as an owner: it goes by its own code where departments go.</summary>
    public static IssueOwner Centre { get; } = new(null, DispatchCentre.Code);

    /// <summary>Gets whether the dispatch centre owns the issue.</summary>
    public bool IsCentre => UnitId is null && DepartmentCode == DispatchCentre.Code;

    /// <summary>Gets whether nobody owns the issue yet.</summary>
    public bool IsNone => UnitId is null && DepartmentCode is null && OrganizationId is null;

    /// <inheritdoc />
    public override string ToString() =>
        UnitId is { } id ? $"unit {id}" : OrganizationId is { } organization ? $"organization {organization}" : IsCentre ? "the dispatch centre" : DepartmentCode is { } code ? $"department {code}" : "nobody";
}
