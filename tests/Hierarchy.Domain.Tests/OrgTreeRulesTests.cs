using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;

namespace Hierarchy.Domain.Tests;

public sealed class OrgTreeRulesTests
{
    [Fact]
    public void The_tongzhou_slice_is_a_valid_tree() => OrgTreeRules.CheckTree([.. TongzhouTree.Units]);

    [Fact]
    public void A_grid_directly_under_a_street_is_refused_because_a_parent_is_exactly_one_level_up()
    {
        var street = new OrgUnit(2, OrgLevel.Street, "110112121", "梨园镇", 1, 1);
        var grid = new OrgUnit(3, OrgLevel.Grid, "110112121013001", "群芳园社区第1网格党支部", 2, 1);

        var error = Assert.Throws<RuleViolationException>(() => OrgTreeRules.CheckParent(grid, street));

        Assert.Contains("exactly one level up", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_active_units_with_one_code_are_refused()
    {
        var units = TongzhouTree.Units.Append(new OrgUnit(99, OrgLevel.Grid, "110112121013001", "重复网格", TongzhouTree.Qunfangyuan, 1)).ToList();

        var error = Assert.Throws<RuleViolationException>(() => OrgTreeRules.CheckTree(units));

        Assert.Contains("110112121013001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_naming_a_missing_parent_is_refused() =>
        Assert.Throws<RuleViolationException>(() => OrgTreeRules.CheckTree(
            [new OrgUnit(5, OrgLevel.Street, "110112121", "梨园镇", 77, 1)]));
}
