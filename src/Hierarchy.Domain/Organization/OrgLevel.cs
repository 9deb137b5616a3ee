namespace Hierarchy.Domain.Organization;

/// <summary>The five levels of the organisation, from the top down.</summary>
public enum OrgLevel
{
    /// <summary>区: the district (county level), 6-digit GB/T 2260 code.</summary>
    District = 1,

    /// <summary>街道/乡镇: the street or township, 9-digit code.</summary>
    Street = 2,

    /// <summary>社区/村: the community or village, 12-digit NBS code.</summary>
    Community = 3,

    /// <summary>网格党支部: the grid party branch, community code + 3 digits.</summary>
    Grid = 4,

    /// <summary>楼栋/庭院党小组: the building group, grid code + 3 digits.</summary>
    BuildingGroup = 5,
}
