using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;

namespace Hierarchy.Domain.Reorganization;

/// <summary>The rules a whole plan must keep once every change is worked out.</summary>
public sealed partial class ReorganizationPlanner
{
    private void CheckInvariants()
    {
        foreach (var gridId in _touchedGrids)
        {
            var grid = Unit(gridId);
            if (grid.Retired)
            {
                continue;
            }

            if (Children(gridId).Count == 0)
            {
                throw new RuleViolationException($"grid {grid.Code} {grid.Name} would be left active with no building group; merge or retire it");
            }

            if (!Positions(gridId).Any(p => p.Kind == PositionKind.GridChief))
            {
                throw new RuleViolationException($"grid {grid.Code} {grid.Name} would have no branch secretary; assign its grid chief");
            }

            var community = CommunityKindOf(grid);
            foreach (var group in Children(gridId).Select(Unit).Where(g => g.Kind == UnitKind.ResidentsGroup && community != UnitKind.Village))
            {
                throw new RuleViolationException($"villagers' group {group.Code} {group.Name} would stand in grid {grid.Code} of a {community}, not of a village");
            }
        }

        foreach (var unit in _effect.Retired)
        {
            if (Children(unit.Id).Count > 0)
            {
                throw new RuleViolationException($"cannot retire {unit.Level} {unit.Code}: it still has {Children(unit.Id).Count} active units beneath it");
            }

            var stranded = _context.MembersOf(unit.Id).Count(m => !_memberUnits.ContainsKey(m));
            if (stranded > 0)
            {
                throw new RuleViolationException($"cannot retire {unit.Level} {unit.Code}: {stranded} party members still belong to it; move them first");
            }
        }
    }

    private static void CheckMergesFormNoCycle(IReadOnlyList<ReorganizationChange> changes)
    {
        var into = new Dictionary<long, long>();
        foreach (var merge in changes.OfType<MergeGrids>())
        {
            foreach (var source in merge.Sources)
            {
                into[source] = merge.Target;
            }
        }

        foreach (var start in into.Keys)
        {
            var seen = new List<long> { start };
            for (var at = start; into.TryGetValue(at, out var next);)
            {
                if (seen.Contains(next))
                {
                    throw new RuleViolationException($"the merges form a cycle: {string.Join(" → ", seen.Append(next))}");
                }

                seen.Add(next);
                at = next;
            }
        }
    }
}
