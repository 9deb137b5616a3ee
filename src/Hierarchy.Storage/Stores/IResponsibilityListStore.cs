using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Storage.Stores;

/// <summary>Plans for the responsibility list and its history; the list itself loads with the tree.</summary>
public interface IResponsibilityListStore
{
    /// <summary>Gets the version of the list in force at a tree version; the newest when null.</summary>
    Task<long> VersionAtAsync(long? treeVersion, CancellationToken cancellationToken);

    /// <summary>Stores a plan made on list version <paramref name="baseVersion"/>; returns its id.</summary>
    Task<long> SavePlanAsync(
        long baseVersion, string departmentsCsv, string categoriesCsv, string summary, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gets a plan.</summary>
    /// <exception cref="Domain.Errors.NotFoundException">There is no such plan.</exception>
    Task<ListPlan> GetPlanAsync(long id, CancellationToken cancellationToken);

    /// <summary>Puts a plan's list in force if the list is still at the plan's base version; an applied plan answers its version again.</summary>
    /// <exception cref="Domain.Errors.VersionConflictException">Another change moved the list on since the plan was made.</exception>
    Task<long> ApplyAsync(long planId, ResponsibilityMatrix list, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gets the list's versions, newest first.</summary>
    Task<IReadOnlyList<ListVersion>> ListVersionsAsync(int limit, CancellationToken cancellationToken);
}
