using System.Collections.Concurrent;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Reorganization;

/// <summary>The org tree as it was at a past time, loaded from the history tables once per version and kept.</summary>
public sealed class HistoricalTrees(HierarchyState state, IOrgTreeStore trees)
{
    private const int Kept = 16;
    private readonly ConcurrentDictionary<long, Lazy<Task<OrgTreeSnapshot>>> _loaded = new();

    /// <summary>Gets the tree in effect at <paramref name="time"/>; the current one when no change came after it.</summary>
    public async Task<OrgTreeSnapshot> AtAsync(DateTimeOffset time, CancellationToken cancellationToken)
    {
        return await AtVersionAsync(await trees.VersionAtAsync(time, cancellationToken), cancellationToken);
    }

    /// <summary>Gets the tree as it was at <paramref name="version"/>; the current one for the current version or later.</summary>
    public async Task<OrgTreeSnapshot> AtVersionAsync(long version, CancellationToken cancellationToken)
    {
        var current = state.Tree;
        if (version >= current.Version)
        {
            return current;
        }

        if (_loaded.Count > Kept)
        {
            _loaded.Clear();
        }

        var load = _loaded.GetOrAdd(version, v => new Lazy<Task<OrgTreeSnapshot>>(async () =>
        {
            var tree = await trees.LoadAtVersionAsync(v, CancellationToken.None);
            return tree.Snapshot();
        }));
        try
        {
            return await load.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (load.Value.IsFaulted)
        {
            // A failed load is not kept: the next call tries again.
            _loaded.TryRemove(version, out _);
            throw;
        }
    }
}
