using Hierarchy.Domain.Organization;

namespace Hierarchy.Domain.Issues;

/// <summary>What is fixed about an issue when it is reported.</summary>
/// <param name="Id">Gets the issue id.</param>
/// <param name="RequestId">Gets the reporter's idempotency key.</param>
/// <param name="Category">Gets the category of the responsibility matrix.</param>
/// <param name="Channel">Gets how it came in.</param>
/// <param name="Description">Gets the citizen's words.</param>
/// <param name="HouseholdId">Gets the household it concerns, when it concerns one.</param>
/// <param name="PlaceUnitId">Gets the unit it was reported against (the household's building group, or the unit given).</param>
/// <param name="Path">Gets the ids of the place and its ancestors, the district first: the subtrees it counts in.</param>
/// <param name="Chain">Gets the escalation chain: the first owner (首接), up to the ceiling, the department, the district.</param>
/// <param name="ReplyWithin">Gets how long after the report the citizen must have a reply.</param>
public sealed record IssueFacts(
    long Id,
    string RequestId,
    string Category,
    IssueChannel Channel,
    string Description,
    long? HouseholdId,
    long PlaceUnitId,
    IReadOnlyList<long> Path,
    IReadOnlyList<ChainLink> Chain,
    TimeSpan ReplyWithin)
{
    /// <summary>Gets the id of the unit at <paramref name="level"/> the issue lies in; null when its place is above that level.</summary>
    public long? UnitAt(OrgLevel level) => Path.Count >= (int)level ? Path[(int)level - 1] : null;
}
