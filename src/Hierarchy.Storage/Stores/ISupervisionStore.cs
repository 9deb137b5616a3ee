using Hierarchy.Domain.Supervision;

namespace Hierarchy.Storage.Stores;

/// <summary>Supervision orders (督办单), written by their district's desk grain.</summary>
public interface ISupervisionStore
{
    /// <summary>Stores a new order; returns it with its id.</summary>
    Task<SupervisionOrder> IssueAsync(SupervisionOrder order, CancellationToken cancellationToken);

    /// <summary>Gets an order.</summary>
    /// <exception cref="Domain.Errors.NotFoundException">There is no such order.</exception>
    Task<SupervisionOrder> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Stores an answer if the order is still at <paramref name="previousVersion"/>.</summary>
    /// <exception cref="Domain.Errors.VersionConflictException">Another answer got there first.</exception>
    Task AnswerAsync(SupervisionOrder answered, long previousVersion, CancellationToken cancellationToken);

    /// <summary>Lists orders issued in [<paramref name="from"/>, <paramref name="to"/>), oldest first, by district, target department or target units.</summary>
    Task<IReadOnlyList<SupervisionOrder>> ListAsync(
        long? districtId, string? department, IReadOnlyCollection<long>? units, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
