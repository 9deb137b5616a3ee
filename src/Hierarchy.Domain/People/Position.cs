namespace Hierarchy.Domain.People;

/// <summary>A position held by a person at a unit.</summary>
/// <param name="UnitId">Gets the unit.</param>
/// <param name="Kind">Gets the position.</param>
/// <param name="HolderName">Gets the holder's name.</param>
/// <param name="HolderPhone">Gets the holder's work phone.</param>
/// <param name="MemberId">Gets the holder's party member id, when the holder is a member here.</param>
/// <param name="Agency">Gets the dispatching agency of a first secretary.</param>
public sealed record Position(long UnitId, PositionKind Kind, string HolderName, string HolderPhone, long? MemberId, string? Agency);
