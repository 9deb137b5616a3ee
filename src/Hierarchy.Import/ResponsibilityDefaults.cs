using Hierarchy.Domain.Organization;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Import;

/// <summary>
/// A starting 职责清单 for a district: small matters stay in the compound, big ones in the community (小事不出小区，大事不出社区);
/// same-day at the building group and grid (当天可以解决的必须当天解决); past the ceiling the department is called (吹哨报到).
/// </summary>
public static class ResponsibilityDefaults
{
    /// <summary>Gets the departments.</summary>
    public static IReadOnlyList<Department> Departments { get; } =
    [
        new("urban_management", "区城市管理委员会"),
        new("public_security", "区公安分局"),
        new("housing", "区住房和城乡建设委员会"),
        new("water", "区水务局"),
        new("transport", "区交通委员会"),
        new("market_regulation", "区市场监督管理局"),
    ];

    /// <summary>Gets the rules.</summary>
    public static IReadOnlyList<ResponsibilityRule> Rules { get; } =
    [
        Rule("elevator", "电梯故障", OrgLevel.BuildingGroup, OrgLevel.Community, "housing"),
        Rule("noise", "噪音扰民", OrgLevel.BuildingGroup, OrgLevel.Community, "public_security"),
        Rule("neighbour_dispute", "邻里纠纷", OrgLevel.BuildingGroup, OrgLevel.Community, "public_security"),
        Rule("sewage", "污水外溢", OrgLevel.Grid, OrgLevel.Street, "water"),
        Rule("water_supply", "供水故障", OrgLevel.Grid, OrgLevel.Street, "water"),
        Rule("garbage", "垃圾清运", OrgLevel.Grid, OrgLevel.Street, "urban_management"),
        Rule("parking", "停车秩序", OrgLevel.Grid, OrgLevel.Street, "transport"),
        Rule("illegal_construction", "违法建设", OrgLevel.Community, OrgLevel.Street, "urban_management"),
        Rule("property_management", "物业服务", OrgLevel.Community, OrgLevel.Street, "housing"),
        Rule("heating", "供暖不热", OrgLevel.Community, OrgLevel.District, "housing"),
        Rule("food_safety", "食品安全", OrgLevel.Community, OrgLevel.Street, "market_regulation"),
    ];

    private static ResponsibilityRule Rule(string category, string name, OrgLevel lowest, OrgLevel ceiling, string department) => new(
        category, name, lowest, ceiling, department,
        new Dictionary<OrgLevel, TimeSpan>
        {
            [OrgLevel.BuildingGroup] = TimeSpan.FromHours(12),
            [OrgLevel.Grid] = TimeSpan.FromHours(24),
            [OrgLevel.Community] = TimeSpan.FromHours(72),
            [OrgLevel.Street] = TimeSpan.FromHours(120),
            [OrgLevel.District] = TimeSpan.FromHours(168),
        },
        TimeSpan.FromHours(120));
}
