using Hierarchy.Domain.People;

namespace Hierarchy.Domain.Responsibility;

/// <summary>Who is responsible for a place and a category, as answered from one tree version.</summary>
/// <param name="ReportedIndex">Gets the unit the question was asked about (a household's building group, or the unit given).</param>
/// <param name="OwnerIndex">Gets the owning unit; when an organisation comes first, the unit it stands for or hands on to.</param>
/// <param name="Rule">Gets the matrix row applied.</param>
/// <param name="Chain">Gets the escalation chain: the owner first, up to the ceiling, then the department, then the district that coordinates.</param>
/// <param name="SkippedIndexes">Gets units passed over because no one holds a position there (属地兜底).</param>
/// <param name="People">Gets the positions held at the owner.</param>
/// <param name="TreeVersion">Gets the tree version the answer comes from.</param>
public sealed record Resolution(
    int ReportedIndex,
    int OwnerIndex,
    ResponsibilityRule Rule,
    IReadOnlyList<EscalationStep> Chain,
    IReadOnlyList<int> SkippedIndexes,
    IReadOnlyList<Position> People,
    long TreeVersion)
{
    /// <summary>Gets the organisation that owns the issue first (a zone, a property company): the chain's first step; null when the owner unit does.</summary>
    public Organization.AttachedOrganization? OwnerOrganization => Chain[0].Organization;
}
