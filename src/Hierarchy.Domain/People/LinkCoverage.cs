using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.People;

/// <summary>
/// 党员联户全覆盖: for a unit, a row per child (and one for the unit): households with and without a linked member, members
/// outside their kind's link policy, and grids outside a household range. Read from the silo's indexes, never the database.
/// </summary>
public static class LinkCoverage
{
    /// <summary>Computes the rows of the unit at <paramref name="rootIndex"/>'s children, then the unit's own row.</summary>
    /// <exception cref="InvalidFieldException">The grid range is empty or negative.</exception>
    public static (IReadOnlyList<CoverageFigures> Children, CoverageFigures Total) Compute(
        HierarchyState state, LinkPolicies policies, int rootIndex, int gridMin, int gridMax)
    {
        if (gridMin < 0 || gridMax < gridMin)
        {
            throw new InvalidFieldException("grid_min_households", $"{gridMin}–{gridMax} is not a range of households");
        }

        var tree = state.Tree;
        var rows = tree.ChildrenOf(rootIndex).Select(i => (Index: i, Row: Row(tree, i))).ToArray();
        var total = Row(tree, rootIndex);
        var (start, end) = tree.SubtreeOf(rootIndex);
        for (var i = start; i < end; i++)
        {
            var row = rows.FirstOrDefault(r => tree.IsInSubtree(i, r.Index)).Row;
            var id = tree.UnitAt(i).Id;
            switch (tree.LevelOf(i))
            {
                case OrgLevel.BuildingGroup:
                    Add(total, row, f => f.Households += state.Households.CountIn(id));
                    Add(total, row, f => f.Linked += state.Households.LinkedIn(id));
                    break;
                case OrgLevel.Grid:
                    var households = tree.ChildrenOf(i).Sum(g => (long)state.Households.CountIn(tree.UnitAt(g).Id));
                    Add(total, row, f => f.Grids++);
                    Add(total, row, f => f.GridsBelow += households < gridMin ? 1 : 0);
                    Add(total, row, f => f.GridsAbove += households > gridMax ? 1 : 0);
                    break;
            }
        }

        foreach (var entry in state.Members.All())
        {
            if (!tree.TryIndexOf(entry.Member.UnitId, out var unit) || !tree.IsInSubtree(unit, rootIndex))
            {
                continue;
            }

            var row = rows.FirstOrDefault(r => tree.IsInSubtree(unit, r.Index)).Row;
            var count = entry.Households.Count;
            var policy = policies.For(entry.Member.Kind);
            Add(total, row, f => f.Members++);
            Add(total, row, f => f.MembersBelow += count < policy.Minimum ? 1 : 0);
            Add(total, row, f => f.MembersAbove += count > policy.Maximum ? 1 : 0);
        }

        return ([.. rows.Select(r => r.Row)], total);
    }

    private static CoverageFigures Row(OrgTreeSnapshot tree, int index) => new() { UnitId = tree.UnitAt(index).Id, Name = tree.UnitAt(index).Name };

    private static void Add(CoverageFigures total, CoverageFigures? row, Action<CoverageFigures> count)
    {
        count(total);
        if (row is not null)
        {
            count(row);
        }
    }
}
