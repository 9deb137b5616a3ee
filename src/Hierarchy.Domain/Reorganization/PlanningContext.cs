namespace Hierarchy.Domain.Reorganization;

/// <summary>What the planner needs to know besides the tree: sizes and memberships, read from the live indexes.</summary>
/// <param name="MaxUnitId">Gets the largest unit id in use; created units take the ids after it.</param>
/// <param name="HouseholdsIn">Gets the households of a building group.</param>
/// <param name="MembersOf">Gets the party members who belong to a unit.</param>
/// <param name="MemberUnit">Gets the unit of a party member; null when there is no such member.</param>
/// <param name="LinksOf">Gets how many households a member is linked to.</param>
public sealed record PlanningContext(
    long MaxUnitId,
    Func<long, int> HouseholdsIn,
    Func<long, IReadOnlyList<long>> MembersOf,
    Func<long, long?> MemberUnit,
    Func<long, int> LinksOf);
