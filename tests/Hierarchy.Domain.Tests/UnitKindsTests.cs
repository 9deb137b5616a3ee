using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;

namespace Hierarchy.Domain.Tests;

public sealed class UnitKindsTests
{
    [Theory]
    [InlineData(OrgLevel.Street, "化龙镇", UnitKind.Township)]
    [InlineData(OrgLevel.Street, "圣城街道", UnitKind.StreetOffice)]
    [InlineData(OrgLevel.Community, "马庄村委会", UnitKind.Village)]
    [InlineData(OrgLevel.Community, "车里坟村民委员会", UnitKind.Village)]
    [InlineData(OrgLevel.Community, "向阳社区居民委员会", UnitKind.UrbanCommunity)]
    [InlineData(OrgLevel.Grid, "向阳社区第1网格党支部", UnitKind.GridBranch)]
    public void A_published_name_says_the_kind(OrgLevel level, string name, UnitKind kind) => Assert.Equal(kind, UnitKinds.FromName(level, name));

    [Fact]
    public void A_villagers_group_outside_a_village_is_a_rule_violation() =>
        Assert.Throws<RuleViolationException>(() => UnitKinds.Check(OrgLevel.BuildingGroup, UnitKind.ResidentsGroup, UnitKind.UrbanCommunity, "370783001046001001"));

    [Fact]
    public void A_kind_of_another_level_is_an_invalid_field() =>
        Assert.Equal("kind", Assert.Throws<InvalidFieldException>(() => UnitKinds.Check(OrgLevel.Grid, UnitKind.Village, null, "g")).Field);

    [Fact]
    public void A_unit_without_a_kind_is_its_levels_usual_one() =>
        Assert.Equal(UnitKind.GridBranch, new OrgUnit(1, OrgLevel.Grid, "110112121013001", "网格", 2, 1).Kind);
}
