namespace Hierarchy.Domain.Organization;

/// <summary>What a unit is at its level: cities hang different bodies on the same five levels.</summary>
public enum UnitKind
{
    /// <summary>区/县: a district or county.</summary>
    District = 1,

    /// <summary>街道: an urban street office.</summary>
    StreetOffice = 2,

    /// <summary>乡镇: a township or town.</summary>
    Township = 3,

    /// <summary>社区: an urban residents' community.</summary>
    UrbanCommunity = 4,

    /// <summary>村: an administrative village.</summary>
    Village = 5,

    /// <summary>网格党支部: a grid party branch.</summary>
    GridBranch = 6,

    /// <summary>小区党支部: a residential compound's party branch standing as the grid (Shouguang).</summary>
    CompoundBranch = 7,

    /// <summary>楼栋/庭院党小组: a building or courtyard party group.</summary>
    BuildingGroup = 8,

    /// <summary>村民小组: a villagers' group, where building groups stand in a village.</summary>
    ResidentsGroup = 9,
}
