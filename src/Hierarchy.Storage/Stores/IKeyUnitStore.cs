using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;

namespace Hierarchy.Storage.Stores;

/// <summary>Units under rectification (重点整治) and the complaints that decide when they leave the list.</summary>
public interface IKeyUnitStore
{
    /// <summary>Puts a unit on the list.</summary>
    /// <exception cref="Domain.Errors.RuleViolationException">The unit is on the list already.</exception>
    Task AddAsync(long unitId, OrgLevel level, KeyUnitObservation observation, KeyUnitPartners partners, string by, CancellationToken cancellationToken);

    /// <summary>Gets every unit on the list, cleared or not, with its terms and partners.</summary>
    Task<IReadOnlyList<KeyUnitEntry>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Gets when each issue under a unit was reported, from a time on.</summary>
    Task<IReadOnlyList<DateTimeOffset>> ComplaintTimesAsync(OrgLevel level, long unitId, DateTimeOffset from, CancellationToken cancellationToken);
}
