using Hierarchy.Domain.Errors;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.Tests;

public sealed class OrgTreeSnapshotTests
{
    private readonly OrgTreeSnapshot _tree = TongzhouTree.Snapshot();

    [Fact]
    public void Children_come_in_code_order()
    {
        var district = Index(TongzhouTree.Tongzhou);

        Assert.Equal(["中仓街道", "梨园镇"], _tree.ChildrenOf(district).Select(i => _tree.UnitAt(i).Name));
    }

    [Fact]
    public void A_subtree_is_a_contiguous_range_that_holds_exactly_its_descendants()
    {
        var liyuan = Index(TongzhouTree.Liyuan);

        Assert.True(_tree.IsInSubtree(Index(TongzhouTree.Building2), liyuan));
        Assert.False(_tree.IsInSubtree(Index(TongzhouTree.Building3), liyuan));
    }

    [Fact]
    public void Ancestors_run_from_the_parent_up_to_the_district()
    {
        Assert.Equal(
            [TongzhouTree.QunfangyuanGrid1, TongzhouTree.Qunfangyuan, TongzhouTree.Liyuan, TongzhouTree.Tongzhou],
            _tree.AncestorsOf(Index(TongzhouTree.Building1)).Select(i => _tree.UnitAt(i).Id));
    }

    [Fact]
    public void Finding_by_both_id_and_code_is_an_invalid_field() =>
        Assert.Throws<InvalidFieldException>(() => _tree.Find(1, "110112"));

    [Fact]
    public void Finding_a_malformed_code_is_an_invalid_field_naming_unit_code() =>
        Assert.Equal("unit_code", Assert.Throws<InvalidFieldException>(() => _tree.Find(0, "11011")).Field);

    [Fact]
    public void Finding_an_absent_code_is_not_found() =>
        Assert.Throws<NotFoundException>(() => _tree.Find(0, "110112999999"));

    [Fact]
    public void A_newer_tree_replaces_the_current_one_and_an_older_one_never_does()
    {
        var state = new HierarchyState(TongzhouTree.Snapshot(version: 5));

        Assert.False(state.TrySwapTree(TongzhouTree.Snapshot(version: 4)));
        Assert.True(state.TrySwapTree(TongzhouTree.Snapshot(version: 6)));
        Assert.Equal(6, state.Tree.Version);
    }

    private int Index(long id)
    {
        Assert.True(_tree.TryIndexOf(id, out var index));
        return index;
    }
}
