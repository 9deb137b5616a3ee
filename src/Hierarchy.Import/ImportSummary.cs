namespace Hierarchy.Import;

/// <summary>What an import wrote.</summary>
/// <param name="Districts">Gets the district count.</param>
/// <param name="Streets">Gets the street count.</param>
/// <param name="Communities">Gets the community count.</param>
/// <param name="Grids">Gets the grid count.</param>
/// <param name="BuildingGroups">Gets the building group count.</param>
/// <param name="Households">Gets the household count.</param>
/// <param name="Members">Gets the party member count.</param>
/// <param name="TreeVersion">Gets the tree version after the import.</param>
public sealed record ImportSummary(
    int Districts, int Streets, int Communities, int Grids, int BuildingGroups, long Households, long Members, long TreeVersion);
