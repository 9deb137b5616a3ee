namespace Hierarchy.Domain.People;

/// <summary>双报到: an organisation or an in-service party member registered with a community, there to help with its work.</summary>
/// <param name="Id">Gets the stable id.</param>
/// <param name="CommunityId">Gets the community it registered with.</param>
/// <param name="Kind">Gets whether it is an organisation or a person.</param>
/// <param name="Name">Gets the organisation's or the member's name.</param>
/// <param name="Contact">Gets who to call (the organisation's contact; the member themself).</param>
/// <param name="Phone">Gets the work phone to call.</param>
/// <param name="RegisteredAt">Gets when it registered.</param>
/// <param name="RegisteredBy">Gets who recorded the registration.</param>
public sealed record CoBuildingUnit(
    long Id, long CommunityId, CoBuildingKind Kind, string Name, string Contact, string Phone, DateTimeOffset RegisteredAt, string RegisteredBy);
