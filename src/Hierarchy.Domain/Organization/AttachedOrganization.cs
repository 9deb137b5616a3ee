namespace Hierarchy.Domain.Organization;

/// <summary>
/// An organisation hung on the tree without being a level of it: a zone (片区) owns the categories it names for its
/// communities; a property company or committee is the first receiver (首接) of the categories it names in its compounds.
/// </summary>
/// <param name="Id">Gets the stable id.</param>
/// <param name="Kind">Gets what it is.</param>
/// <param name="Name">Gets its name.</param>
/// <param name="DistrictId">Gets the district whose admins keep it.</param>
/// <param name="UnitIds">Gets the units it is attached to: communities for a zone, grid-level units (compounds) for the others.</param>
/// <param name="Categories">Gets the categories it owns (a zone) or receives first (the others).</param>
/// <param name="Contact">Gets who leads it: the zone's leader, the company's manager, the committee's chair.</param>
/// <param name="Phone">Gets the contact's work phone.</param>
public sealed record AttachedOrganization(
    long Id,
    AttachedOrganizationKind Kind,
    string Name,
    long DistrictId,
    IReadOnlyList<long> UnitIds,
    IReadOnlyList<string> Categories,
    string Contact,
    string Phone)
{
    /// <summary>The level name a zone's step carries in an issue's chain.</summary>
    public const string ZoneStep = "Zone";

    /// <summary>Gets whether it is a zone, owning categories, rather than a first receiver in compounds.</summary>
    public bool IsZone => Kind == AttachedOrganizationKind.Zone;

    /// <summary>Gets the level its units stand at.</summary>
    public OrgLevel UnitLevel => IsZone ? OrgLevel.Community : OrgLevel.Grid;

    /// <summary>Gets how the chain names its step.</summary>
    public string StepName => IsZone ? ZoneStep : Kind.ToString();
}
