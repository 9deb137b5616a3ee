namespace Hierarchy.Domain.People;

/// <summary>户: a household, living in exactly one building group. Head name and phone are personal data.</summary>
/// <param name="Id">Gets the stable id.</param>
/// <param name="BuildingGroupId">Gets the building group the household lives in.</param>
/// <param name="Address">Gets the address.</param>
/// <param name="HeadName">Gets the head of household's name (personal data).</param>
/// <param name="Phone">Gets the household's phone (personal data).</param>
/// <param name="Version">Gets the row version.</param>
public sealed record Household(long Id, long BuildingGroupId, Address Address, string HeadName, string Phone, long Version);
