using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Reorganization;

/// <summary>
/// Units a reorganisation retired stay readable: old issues and statistics still name them. A retired unit is read in the
/// last tree that held it, the version before the one that retired it.
/// </summary>
public sealed class RetiredUnits(IOrgTreeStore trees, HistoricalTrees history)
{
    /// <summary>Finds a unit in <paramref name="tree"/>, or else among the retired ones, in the last tree that held it.</summary>
    /// <exception cref="NotFoundException">No unit, active or retired, has that id or code.</exception>
    public async Task<(OrgTreeSnapshot Tree, int Index, OrgUnit Unit)> FindAsync(
        OrgTreeSnapshot tree, long id, string code, CancellationToken cancellationToken, string idField = "unit_id", string codeField = "unit_code")
    {
        try
        {
            var index = tree.Find(id, code, idField, codeField);
            return (tree, index, tree.UnitAt(index));
        }
        catch (NotFoundException)
        {
            var retired = await trees.FindRetiredAsync(id, code, cancellationToken);
            if (retired?.RetiredVersion is not { } version)
            {
                throw;
            }

            var before = await history.AtVersionAsync(version - 1, cancellationToken);
            return before.TryIndexOf(retired.Id, out var index) ? (before, index, retired) : throw new NotFoundException($"unit {retired.Id} in the tree it retired from");
        }
    }
}
