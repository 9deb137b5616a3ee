using Hierarchy.Domain.People;

namespace Hierarchy.Grains.People;

/// <summary>党员: one party member, the single writer of its household links (党员联户); keyed by member id.</summary>
public interface IPartyMemberGrain : IGrainWithIntegerKey
{
    /// <summary>Links a household to this member, within the link policy.</summary>
    /// <param name="householdId">The household.</param>
    /// <param name="expectedVersion">The member version the caller read; 0 skips the check.</param>
    Task<MemberLinks> LinkAsync(long householdId, long expectedVersion);

    /// <summary>Removes a household's link to this member.</summary>
    /// <param name="householdId">The household.</param>
    /// <param name="expectedVersion">The member version the caller read; 0 skips the check.</param>
    Task<MemberLinks> UnlinkAsync(long householdId, long expectedVersion);

    /// <summary>Makes this member another kind (a central household, 党员中心户), if its links fit that kind's policy.</summary>
    /// <param name="kind">The new kind.</param>
    /// <param name="expectedVersion">The member version the caller read; 0 skips the check.</param>
    Task<MemberLinks> SetKindAsync(MemberKind kind, long expectedVersion);
}
