using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Domain.Issues;

/// <summary>Who owns an issue: an org unit, or a department once it passed the street.</summary>
/// <param name="UnitId">Gets the owning unit; null when a department owns it.</param>
/// <param name="DepartmentCode">Gets the owning department; null when a unit owns it.</param>
public readonly record struct IssueOwner(long? UnitId, string? DepartmentCode)
{
    /// <summary>Gets an owner unit.</summary>
    public static IssueOwner Unit(long id) => new(id, null);

    /// <summary>Gets an owner department.</summary>
    public static IssueOwner Department(string code) => new(null, code);

    /// <summary>Gets the dispatch centre as an owner: it goes by its own code where departments go.</summary>
    public static IssueOwner Centre { get; } = new(null, DispatchCentre.Code);

    /// <summary>Gets whether the dispatch centre owns the issue.</summary>
    public bool IsCentre => UnitId is null && DepartmentCode == DispatchCentre.Code;

    /// <summary>Gets whether nobody owns the issue yet.</summary>
    public bool IsNone => UnitId is null && DepartmentCode is null;

    /// <inheritdoc />
    public override string ToString() =>
        UnitId is { } id ? $"unit {id}" : IsCentre ? "the dispatch centre" : DepartmentCode is { } code ? $"department {code}" : "nobody";
}
