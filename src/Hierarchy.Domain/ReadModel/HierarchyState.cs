using System.Diagnostics;

namespace Hierarchy.Domain.ReadModel;

/// <summary>
/// What Resolve reads: the current org tree snapshot, swapped whole and atomically, and the household and member
/// indexes, changed one entry at a time. Readers take no lock and see the old tree or the new one, never a mix.
/// </summary>
public sealed class HierarchyState(OrgTreeSnapshot tree)
{
    private OrgTreeSnapshot _tree = tree;
    private long _installedAt = Stopwatch.GetTimestamp();

    /// <summary>Gets the current tree.</summary>
    public OrgTreeSnapshot Tree => Volatile.Read(ref _tree);

    /// <summary>Gets how long the current tree has been the one answering.</summary>
    public TimeSpan TreeAge => Stopwatch.GetElapsedTime(Interlocked.Read(ref _installedAt));

    /// <summary>Gets where households live and who they are linked to.</summary>
    public HouseholdIndex Households { get; } = new();

    /// <summary>Gets the party members.</summary>
    public MemberIndex Members { get; } = new();

    /// <summary>Gets how many households live in a unit's subtree of <paramref name="tree"/>.</summary>
    public long HouseholdsUnder(OrgTreeSnapshot tree, int index)
    {
        var (start, end) = tree.SubtreeOf(index);
        long households = 0;
        for (var i = start; i < end; i++)
        {
            if (tree.LevelOf(i) == Organization.OrgLevel.BuildingGroup)
            {
                households += Households.CountIn(tree.UnitAt(i).Id);
            }
        }

        return households;
    }

    /// <summary>Installs a newer tree; an older or equal version is ignored, so late loads never roll the tree back.</summary>
    /// <returns>Whether the tree was installed.</returns>
    public bool TrySwapTree(OrgTreeSnapshot next)
    {
        while (true)
        {
            var current = Volatile.Read(ref _tree);
            if (next.Version <= current.Version)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _tree, next, current) == current)
            {
                Interlocked.Exchange(ref _installedAt, Stopwatch.GetTimestamp());
                return true;
            }
        }
    }
}
