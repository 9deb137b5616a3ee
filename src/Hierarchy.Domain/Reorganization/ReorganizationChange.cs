using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;

namespace Hierarchy.Domain.Reorganization;

/// <summary>One change of a reorganisation plan. Units the same plan creates are named by negative provisional ids.</summary>
public abstract record ReorganizationChange;

/// <summary>Merges grids into one surviving grid: their building groups move to it and they retire.</summary>
/// <param name="Sources">Gets the grids that retire.</param>
/// <param name="Target">Gets the grid that survives (or a grid the plan creates).</param>
/// <param name="AllowCrossCommunity">Gets whether the grids may lie in different communities of one street.</param>
public sealed record MergeGrids(IReadOnlyList<long> Sources, long Target, bool AllowCrossCommunity) : ReorganizationChange;

/// <summary>Moves building groups to another grid of the same street (a split is moves into new grids).</summary>
/// <param name="BuildingGroups">Gets the building groups.</param>
/// <param name="Target">Gets the grid they move to.</param>
public sealed record MoveBuildingGroups(IReadOnlyList<long> BuildingGroups, long Target) : ReorganizationChange;

/// <summary>Creates a unit one level below its parent.</summary>
/// <param name="ProvisionalId">Gets the negative id later changes of the plan use for it.</param>
/// <param name="Level">Gets the level.</param>
/// <param name="Parent">Gets the parent (an existing id or a provisional one).</param>
/// <param name="Name">Gets the name.</param>
/// <param name="Code">Gets the code; empty takes the parent's code and its next free sequence number.</param>
/// <param name="Kind">Gets what the unit is at its level; null takes what its name says, or the level's usual kind.</param>
public sealed record CreateUnit(long ProvisionalId, OrgLevel Level, long Parent, string Name, string Code, UnitKind? Kind = null) : ReorganizationChange;

/// <summary>Makes a unit another kind at its level: a grid branch a compound branch (小区党支部), a community a village.</summary>
/// <param name="Unit">Gets the unit.</param>
/// <param name="Kind">Gets the new kind.</param>
public sealed record SetUnitKind(long Unit, UnitKind Kind) : ReorganizationChange;

/// <summary>Retires a unit that no active unit or member depends on any more; it stays readable for history.</summary>
/// <param name="Unit">Gets the unit.</param>
public sealed record RetireUnit(long Unit) : ReorganizationChange;

/// <summary>Renames a unit.</summary>
/// <param name="Unit">Gets the unit.</param>
/// <param name="Name">Gets the new name.</param>
public sealed record RenameUnit(long Unit, string Name) : ReorganizationChange;

/// <summary>Gives a position to a person, or vacates it (the grid chief is the grid branch secretary).</summary>
/// <param name="Unit">Gets the unit.</param>
/// <param name="Kind">Gets the position.</param>
/// <param name="Holder">Gets the new holder; null vacates the position.</param>
public sealed record AssignPosition(long Unit, PositionKind Kind, Position? Holder) : ReorganizationChange;

/// <summary>Moves a party member to another unit.</summary>
/// <param name="Member">Gets the member.</param>
/// <param name="Unit">Gets the unit.</param>
public sealed record MoveMember(long Member, long Unit) : ReorganizationChange;
