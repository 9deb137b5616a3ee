using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Storage.Stores;

/// <summary>The org tree aggregate: units, the positions held at them, the responsibility matrix, and the tree version.</summary>
public interface IOrgTreeStore
{
    /// <summary>Loads the whole current tree.</summary>
    Task<OrgTreeState> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Loads the tree as it was at a past version: units and positions as they stood then, retired ones included.</summary>
    Task<OrgTreeState> LoadAtVersionAsync(long version, CancellationToken cancellationToken);

    /// <summary>Gets the tree version in effect at a time.</summary>
    /// <exception cref="Domain.Errors.NotFoundException">No version was in effect that early.</exception>
    Task<long> VersionAtAsync(DateTimeOffset time, CancellationToken cancellationToken);

    /// <summary>Finds a retired unit by id, or by the code it had when it retired; null when there is none.</summary>
    Task<OrgUnit?> FindRetiredAsync(long id, string code, CancellationToken cancellationToken);

    /// <summary>Gets the current tree version.</summary>
    Task<long> VersionAsync(CancellationToken cancellationToken);

    /// <summary>Adds units and positions in one transaction and bumps the tree version; returns the new version.</summary>
    /// <exception cref="Domain.Errors.RuleViolationException">A code is taken already.</exception>
    Task<long> AddUnitsAsync(IReadOnlyList<OrgUnit> units, IReadOnlyList<Position> positions, CancellationToken cancellationToken);

    /// <summary>Puts a new responsibility list in force, keeping the one before it, and bumps the tree version; returns the new version.</summary>
    Task<long> SaveMatrixAsync(ResponsibilityMatrix list, ListChange change, CancellationToken cancellationToken);

    /// <summary>Gets the largest unit id in use; 0 when there are none.</summary>
    Task<long> MaxUnitIdAsync(CancellationToken cancellationToken);
}

/// <summary>The tree as stored at one version.</summary>
/// <param name="Version">Gets the tree version.</param>
/// <param name="Units">Gets the active units.</param>
/// <param name="Positions">Gets the positions.</param>
/// <param name="Rules">Gets the responsibility rules.</param>
/// <param name="Departments">Gets the departments.</param>
public sealed record OrgTreeState(
    long Version, IReadOnlyList<OrgUnit> Units, IReadOnlyList<Position> Positions, IReadOnlyList<ResponsibilityRule> Rules, IReadOnlyList<Department> Departments)
{
    /// <summary>Gets the zones, property companies and committees in force at the version.</summary>
    public IReadOnlyList<AttachedOrganization> Organizations { get; init; } = [];

    /// <summary>Builds the read model's snapshot of this state.</summary>
    public Domain.ReadModel.OrgTreeSnapshot Snapshot() => Domain.ReadModel.OrgTreeSnapshot.Build(Version, Units, Positions, Matrix, Organizations);

    /// <summary>Gets the matrix built from the rules and departments.</summary>
    public ResponsibilityMatrix Matrix => new(Rules, Departments);
}
