using Hierarchy.Domain.People;

namespace Hierarchy.Storage.Stores;

/// <summary>Households and where they live.</summary>
public interface IHouseholdStore
{
    /// <summary>Adds many households in one transaction.</summary>
    Task AddAsync(IReadOnlyList<Household> households, CancellationToken cancellationToken);

    /// <summary>Gets one household.</summary>
    /// <exception cref="Domain.Errors.NotFoundException">No such household.</exception>
    Task<Household> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Streams the building group of every household from <paramref name="fromId"/> on, for the read model (links come with the members).</summary>
    IAsyncEnumerable<HouseholdPlacement> ReadPlacementsAsync(long fromId, CancellationToken cancellationToken);

    /// <summary>Gets the largest household id in use; 0 when there are none.</summary>
    Task<long> MaxIdAsync(CancellationToken cancellationToken);
}

/// <summary>Where a household lives.</summary>
/// <param name="HouseholdId">Gets the household.</param>
/// <param name="BuildingGroupId">Gets its building group.</param>
public readonly record struct HouseholdPlacement(long HouseholdId, long BuildingGroupId);
