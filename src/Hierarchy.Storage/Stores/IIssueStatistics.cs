using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;

namespace Hierarchy.Storage.Stores;

/// <summary>Adds up issues by unit, for the figures cities publish.</summary>
public interface IIssueStatistics
{
    /// <summary>
    /// Tallies the issues reported in [<paramref name="from"/>, <paramref name="to"/>) under the root, grouped by their unit at
    /// <paramref name="groupLevel"/> (the root's own level for one unit, the next level down for a ranking of its children).
    /// </summary>
    Task<IReadOnlyList<IssueTally>> TallyAsync(
        OrgLevel rootLevel, long rootId, OrgLevel groupLevel, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
