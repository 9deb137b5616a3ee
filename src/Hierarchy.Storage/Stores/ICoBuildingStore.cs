using Hierarchy.Domain.People;

namespace Hierarchy.Storage.Stores;

/// <summary>Co-building units registered with communities (双报到).</summary>
public interface ICoBuildingStore
{
    /// <summary>Registers a unit; its id is assigned here.</summary>
    Task<CoBuildingUnit> RegisterAsync(CoBuildingUnit unit, CancellationToken cancellationToken);

    /// <summary>Gets one unit.</summary>
    /// <exception cref="Domain.Errors.NotFoundException">No such unit.</exception>
    Task<CoBuildingUnit> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Lists the units registered with a community, in registration order.</summary>
    Task<IReadOnlyList<CoBuildingUnit>> ListAsync(long communityId, CancellationToken cancellationToken);
}
