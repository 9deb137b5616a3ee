using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.Reorganization;

/// <summary>
/// Proposes a new grid layout under a unit "by comparable workload, easy management, clear boundaries" (Weidu's 620 → 539):
/// each community keeps its building groups in code order and cuts them into contiguous runs, one per grid, so that the
/// largest grid anywhere is as small as it can be. Grids stay within their community: a community keeps its first grids
/// by code, the others merge into them, a community that needs more grids than it has gets new ones (led by the building
/// leader of their first building group), and building groups move to their run's grid.
/// </summary>
public static class GridProposer
{
    /// <summary>Proposes <paramref name="targetGrids"/> grids under the unit at <paramref name="rootIndex"/>, weighing each building group by <paramref name="weightOf"/>.</summary>
    /// <exception cref="InvalidFieldException">The target is fewer grids than communities, or more than there are now.</exception>
    public static GridProposal Propose(OrgTreeSnapshot tree, int rootIndex, int targetGrids, Func<long, long> weightOf)
    {
        var communities = Communities(tree, rootIndex).Select(c => Community.Of(tree, c, weightOf)).Where(c => c.Groups.Length > 0).ToArray();
        var gridsBefore = communities.Sum(c => c.Grids.Length);
        var most = communities.Sum(c => c.Capacity);
        if (targetGrids < communities.Length || targetGrids > most)
        {
            throw new InvalidFieldException("target_grids",
                $"{targetGrids} is outside {communities.Length}–{most}: every community keeps a grid, and every grid needs a building group");
        }

        Allot(communities, targetGrids);
        var changes = new List<ReorganizationChange>();
        var sizes = new List<long>();
        var provisional = 0L;
        foreach (var community in communities)
        {
            var runs = Runs(community.Weights, community.Allotted);
            var kept = community.Grids[..Math.Min(community.Allotted, community.Grids.Length)].ToList();
            foreach (var retired in community.Grids[kept.Count..])
            {
                changes.Add(new MergeGrids([retired], kept[^1], AllowCrossCommunity: false));
            }

            var parentAfterMerges = community.Groups.Select(g => Array.IndexOf(community.Grids, g.Grid) < kept.Count ? g.Grid : kept[^1]).ToArray();
            for (var run = kept.Count; run < runs.Count; run++)
            {
                var grid = --provisional;
                var name = $"{tree.UnitAt(community.Index).Name}第{run + 1}网格党支部";
                changes.Add(new CreateUnit(grid, OrgLevel.Grid, tree.UnitAt(community.Index).Id, name, string.Empty));
                var leader = Enumerable.Range(runs[run].Start, runs[run].End - runs[run].Start)
                    .SelectMany(i => tree.PositionsAt(community.Groups[i].Index))
                    .FirstOrDefault(p => p.Kind == People.PositionKind.BuildingLeader && p.MemberId is not null);
                if (leader is not null)
                {
                    changes.Add(new AssignPosition(grid, People.PositionKind.GridChief, leader with { UnitId = grid, Kind = People.PositionKind.GridChief }));
                }

                kept.Add(grid);
            }

            for (var run = 0; run < runs.Count; run++)
            {
                var (start, end) = runs[run];
                var moving = Enumerable.Range(start, end - start).Where(i => parentAfterMerges[i] != kept[run]).Select(i => community.Groups[i].Id).ToArray();
                if (moving.Length > 0)
                {
                    changes.Add(new MoveBuildingGroups(moving, kept[run]));
                }

                sizes.Add(community.Weights[start..end].Sum());
            }
        }

        return new GridProposal(changes, gridsBefore, targetGrids, sizes.Max(), sizes.Min(), sizes.Sum() / (double)sizes.Count);
    }

    // Greedy on the worst community: each extra grid goes where the largest run is now, which minimises the largest overall.
    private static void Allot(Community[] communities, int targetGrids)
    {
        var queue = new PriorityQueue<Community, long>();
        foreach (var community in communities)
        {
            community.Allotted = 1;
            if (community.Capacity > 1)
            {
                queue.Enqueue(community, -LargestRun(community.Weights, 1));
            }
        }

        for (var left = targetGrids - communities.Length; left > 0; left--)
        {
            var community = queue.Dequeue();
            community.Allotted++;
            if (community.Allotted < community.Capacity)
            {
                queue.Enqueue(community, -LargestRun(community.Weights, community.Allotted));
            }
        }
    }

    /// <summary>Gets the smallest possible largest run when <paramref name="weights"/> are cut into <paramref name="runs"/> contiguous runs.</summary>
    internal static long LargestRun(long[] weights, int runs)
    {
        var (low, high) = (weights.Max(), weights.Sum());
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (RunsWithin(weights, mid) <= runs)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    // Cuts into exactly `count` runs none larger than the best bound: greedy under the bound, then the largest runs split until there are enough.
    private static List<(int Start, int End)> Runs(long[] weights, int count)
    {
        var bound = LargestRun(weights, count);
        var runs = new List<(int Start, int End)>();
        var (start, sum) = (0, 0L);
        for (var i = 0; i < weights.Length; i++)
        {
            if (sum + weights[i] > bound && i > start)
            {
                runs.Add((start, i));
                (start, sum) = (i, 0);
            }

            sum += weights[i];
        }

        runs.Add((start, weights.Length));
        while (runs.Count < count)
        {
            var widest = runs.Select((r, i) => (r, i)).Where(x => x.r.End - x.r.Start > 1).MaxBy(x => weights[x.r.Start..x.r.End].Sum());
            var (s, e) = widest.r;
            var cut = s + 1;
            while (cut < e - 1 && weights[s..cut].Sum() * 2 < weights[s..e].Sum())
            {
                cut++;
            }

            runs[widest.i] = (s, cut);
            runs.Insert(widest.i + 1, (cut, e));
        }

        return runs;
    }

    private static int RunsWithin(long[] weights, long bound)
    {
        var (runs, sum) = (1, 0L);
        foreach (var weight in weights)
        {
            if (sum + weight > bound)
            {
                runs++;
                sum = 0;
            }

            sum += weight;
        }

        return runs;
    }

    private static IEnumerable<int> Communities(OrgTreeSnapshot tree, int rootIndex)
    {
        var (start, end) = tree.SubtreeOf(rootIndex);
        return Enumerable.Range(start, end - start).Where(i => tree.LevelOf(i) == OrgLevel.Community);
    }

    private sealed class Community
    {
        public required long[] Grids { get; init; }

        public required int Index { get; init; }

        public required (long Id, long Grid, int Index)[] Groups { get; init; }

        public required long[] Weights { get; init; }

        public int Allotted { get; set; }

        // A grid per building group at most.
        public int Capacity => Groups.Length;

        public static Community Of(OrgTreeSnapshot tree, int community, Func<long, long> weightOf)
        {
            var grids = tree.ChildrenOf(community).Where(i => tree.LevelOf(i) == OrgLevel.Grid).ToArray();
            var groups = grids.SelectMany(g => tree.ChildrenOf(g).Select(b => (Id: tree.UnitAt(b).Id, Grid: tree.UnitAt(g).Id, Index: b))).ToArray();
            return new Community
            {
                Index = community,
                Grids = [.. grids.Select(g => tree.UnitAt(g).Id)],
                Groups = groups,
                Weights = [.. groups.Select(g => weightOf(g.Id))],
            };
        }
    }
}
