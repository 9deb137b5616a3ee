using Hierarchy.Domain.People;

namespace Hierarchy.Grains.People;

/// <summary>双报到: one community's roster of co-building units, the single writer of its registrations; keyed by community id.</summary>
public interface ICommunityRosterGrain : IGrainWithIntegerKey
{
    /// <summary>Registers an organisation or an in-service party member with this community.</summary>
    /// <param name="registration">Who registers, and who records it.</param>
    Task<CoBuildingRegistration> RegisterAsync(CoBuildingRegistration registration);
}

/// <summary>A registration as it crosses silos: what the roster grain writes, and (once written) its id and time.</summary>
/// <param name="Id">Gets the id the store assigned; 0 before.</param>
/// <param name="Kind">Gets whether an organisation or a person registers.</param>
/// <param name="Name">Gets the name.</param>
/// <param name="Contact">Gets who to call.</param>
/// <param name="Phone">Gets the work phone.</param>
/// <param name="RegisteredBy">Gets who recorded it.</param>
/// <param name="RegisteredAt">Gets when; set by the grain.</param>
[GenerateSerializer, Immutable]
public sealed record CoBuildingRegistration(
    [property: Id(0)] long Id,
    [property: Id(1)] CoBuildingKind Kind,
    [property: Id(2)] string Name,
    [property: Id(3)] string Contact,
    [property: Id(4)] string Phone,
    [property: Id(5)] string RegisteredBy,
    [property: Id(6)] DateTimeOffset RegisteredAt = default);
