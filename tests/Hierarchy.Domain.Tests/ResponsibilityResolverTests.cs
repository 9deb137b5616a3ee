using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Domain.Tests;

public sealed class ResponsibilityResolverTests
{
    private readonly Domain.ReadModel.OrgTreeSnapshot _tree = TongzhouTree.Snapshot();

    [Fact]
    public void A_broken_elevator_stays_in_the_building_group()
    {
        var resolution = Resolve(TongzhouTree.Building1, "elevator");

        Assert.Equal(TongzhouTree.Building1, Unit(resolution.OwnerIndex));
        Assert.Equal("孙红", Assert.Single(resolution.People).HolderName);
    }

    [Fact]
    public void Sewage_is_owned_by_the_grid_and_climbs_to_the_street_then_the_water_department_then_the_district()
    {
        var resolution = Resolve(TongzhouTree.Building1, "sewage");

        Assert.Equal(TongzhouTree.QunfangyuanGrid1, Unit(resolution.OwnerIndex));
        Assert.Equal(
            ["群芳园社区第1网格党支部", "群芳园社区居委会", "梨园镇", "区水务局", "通州区"],
            resolution.Chain.Select(s => s.Department?.Name ?? _tree.UnitAt(s.UnitIndex).Name));
    }

    [Fact]
    public void A_category_whose_ceiling_is_the_district_climbs_to_the_district_before_the_department()
    {
        var resolution = Resolve(TongzhouTree.Building1, "heating");

        Assert.Equal(
            ["群芳园社区居委会", "梨园镇", "通州区", "区住房和城乡建设委员会"],
            resolution.Chain.Select(s => s.Department?.Name ?? _tree.UnitAt(s.UnitIndex).Name));
    }

    [Fact]
    public void Unstaffed_units_fall_back_to_the_first_staffed_territorial_parent()
    {
        var resolution = Resolve(TongzhouTree.Building2, "elevator");

        Assert.Equal([TongzhouTree.Building2, TongzhouTree.QunfangyuanGrid2], resolution.SkippedIndexes.Select(Unit));
        Assert.Equal(TongzhouTree.Qunfangyuan, Unit(resolution.OwnerIndex));
    }

    [Fact]
    public void A_place_above_the_lowest_level_owns_the_issue_itself()
    {
        var resolution = Resolve(TongzhouTree.Qunfangyuan, "sewage");

        Assert.Equal(TongzhouTree.Qunfangyuan, Unit(resolution.OwnerIndex));
    }

    [Fact]
    public void The_time_limit_is_the_owners_level_limit()
    {
        var resolution = Resolve(TongzhouTree.Building1, "sewage");

        Assert.Equal(TimeSpan.FromHours(24), resolution.Chain[0].TimeLimit);
    }

    [Fact]
    public void An_unknown_category_is_an_invalid_field_naming_the_known_ones()
    {
        var error = Assert.Throws<InvalidFieldException>(() => Resolve(TongzhouTree.Building1, "ufo"));

        Assert.Equal("category", error.Field);
        Assert.Contains("sewage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_answer_names_the_tree_version_it_came_from()
    {
        var tree = TongzhouTree.Snapshot(version: 42);
        Assert.True(tree.TryIndexOf(TongzhouTree.Building1, out var index));

        Assert.Equal(42, ResponsibilityResolver.Resolve(tree, index, "elevator").TreeVersion);
    }

    private Resolution Resolve(long unitId, string category)
    {
        Assert.True(_tree.TryIndexOf(unitId, out var index));
        return ResponsibilityResolver.Resolve(_tree, index, category);
    }

    private long Unit(int index) => _tree.UnitAt(index).Id;
}
