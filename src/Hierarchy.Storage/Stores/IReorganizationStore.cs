using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Reorganization;

namespace Hierarchy.Storage.Stores;

/// <summary>Reorganisation plans, and applying one to the tree in a single transaction.</summary>
public interface IReorganizationStore
{
    /// <summary>Stores a plan (its request, as sent) for the district whose units it changes, and returns its id.</summary>
    Task<long> SavePlanAsync(
        long baseVersion, long districtId, byte[] request, string summary, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gets a plan.</summary>
    /// <exception cref="Domain.Errors.NotFoundException">No such plan.</exception>
    Task<StoredPlan> GetPlanAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a plan's effect: units, positions, members and open issues, a new tree version, all or nothing. A plan applied
    /// before returns the version it made; a tree that moved past the plan's version is a conflict and nothing is written.
    /// </summary>
    /// <exception cref="Domain.Errors.VersionConflictException">The tree changed since the plan, or is not at the expected version.</exception>
    Task<long> ApplyAsync(long planId, long expectedVersion, ReorganizationEffect effect, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Lists the applied plans, newest first.</summary>
    Task<IReadOnlyList<StoredPlan>> ListAppliedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Gets the open issues owned by any of the units.</summary>
    Task<IReadOnlyList<Issue>> OpenIssuesOwnedByAsync(IReadOnlyCollection<long> units, CancellationToken cancellationToken);
}

/// <summary>A stored plan.</summary>
/// <param name="Id">Gets the plan id.</param>
/// <param name="BaseVersion">Gets the tree version it was made on.</param>
/// <param name="Request">Gets the request as sent, to work the plan out again when it is applied.</param>
/// <param name="Summary">Gets a one-line summary.</param>
/// <param name="CreatedBy">Gets who planned it.</param>
/// <param name="CreatedAt">Gets when.</param>
/// <param name="AppliedVersion">Gets the tree version applying it made; null while not applied.</param>
/// <param name="AppliedAt">Gets when it was applied.</param>
/// <param name="AppliedBy">Gets who applied it.</param>
/// <param name="DistrictId">Gets the district whose units it changes; null for plans stored before plans named one.</param>
public sealed record StoredPlan(
    long Id, long BaseVersion, byte[] Request, string Summary, string CreatedBy, DateTimeOffset CreatedAt,
    long? AppliedVersion, DateTimeOffset? AppliedAt, string? AppliedBy, long? DistrictId);
