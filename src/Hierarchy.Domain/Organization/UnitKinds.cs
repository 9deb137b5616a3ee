using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.Organization;

/// <summary>Which kinds stand at which level, and the kind a published name says.</summary>
public static class UnitKinds
{
    /// <summary>Gets the level a kind stands at.</summary>
    public static OrgLevel LevelOf(UnitKind kind) => kind switch
    {
        UnitKind.District => OrgLevel.District,
        UnitKind.StreetOffice or UnitKind.Township => OrgLevel.Street,
        UnitKind.UrbanCommunity or UnitKind.Village => OrgLevel.Community,
        UnitKind.GridBranch or UnitKind.CompoundBranch => OrgLevel.Grid,
        UnitKind.BuildingGroup or UnitKind.ResidentsGroup => OrgLevel.BuildingGroup,
        _ => throw new InvalidFieldException("kind", $"{(int)kind} is not a unit kind"),
    };

    /// <summary>Gets the kind a unit of <paramref name="level"/> is unless it says otherwise.</summary>
    public static UnitKind Usual(OrgLevel level) => level switch
    {
        OrgLevel.District => UnitKind.District,
        OrgLevel.Street => UnitKind.StreetOffice,
        OrgLevel.Community => UnitKind.UrbanCommunity,
        OrgLevel.Grid => UnitKind.GridBranch,
        _ => UnitKind.BuildingGroup,
    };

    /// <summary>Gets the kind an NBS name says: 镇 and 乡 are townships, 村委会 and 村民委员会 villages.</summary>
    public static UnitKind FromName(OrgLevel level, string name) => level switch
    {
        OrgLevel.Street when name.EndsWith('镇') || name.EndsWith('乡') => UnitKind.Township,
        OrgLevel.Community when name.EndsWith("村委会", StringComparison.Ordinal) || name.EndsWith("村民委员会", StringComparison.Ordinal) => UnitKind.Village,
        _ => Usual(level),
    };

    /// <summary>Checks that <paramref name="kind"/> may stand at <paramref name="level"/>, in a community of <paramref name="community"/> kind.</summary>
    /// <exception cref="InvalidFieldException">The kind belongs to another level.</exception>
    /// <exception cref="RuleViolationException">A villagers' group outside a village.</exception>
    public static void Check(OrgLevel level, UnitKind kind, UnitKind? community, string unit)
    {
        if (LevelOf(kind) != level)
        {
            throw new InvalidFieldException("kind", $"{kind} stands at level {LevelOf(kind)}, not {level} where {unit} is");
        }

        if (kind == UnitKind.ResidentsGroup && community is { } of && of != UnitKind.Village)
        {
            throw new RuleViolationException($"{unit} cannot be a villagers' group (村民小组): its community is a {of}, not a village");
        }
    }
}
