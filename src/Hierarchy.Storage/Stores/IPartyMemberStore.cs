using Hierarchy.Domain.People;

namespace Hierarchy.Storage.Stores;

/// <summary>Party members and their links to households (党员联户).</summary>
public interface IPartyMemberStore
{
    /// <summary>Adds members and their links in one transaction.</summary>
    Task AddAsync(IReadOnlyList<PartyMember> members, IReadOnlyList<MemberLink> links, CancellationToken cancellationToken);

    /// <summary>Gets one member with the households linked to it.</summary>
    /// <exception cref="Domain.Errors.NotFoundException">No such member.</exception>
    Task<LinkedMember> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Lists a member's households in id order, after <paramref name="afterHouseholdId"/>.</summary>
    Task<IReadOnlyList<Household>> ListHouseholdsAsync(long memberId, long afterHouseholdId, int limit, CancellationToken cancellationToken);

    /// <summary>Links a household to a member; refuses a link past the member's kind's policy and a household linked elsewhere.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="householdId">The household.</param>
    /// <param name="expectedVersion">The member version the caller read; 0 skips the check.</param>
    /// <param name="policies">The city's link policies.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="Domain.Errors.VersionConflictException">The member changed since it was read.</exception>
    Task<LinkedMember> LinkAsync(long memberId, long householdId, long expectedVersion, LinkPolicies policies, CancellationToken cancellationToken);

    /// <summary>Makes a member another kind, if its links fit the new kind's policy.</summary>
    /// <exception cref="Domain.Errors.VersionConflictException">The member changed since it was read.</exception>
    /// <exception cref="Domain.Errors.RuleViolationException">The member has more links than the new kind allows.</exception>
    Task<LinkedMember> SetKindAsync(long memberId, MemberKind kind, long expectedVersion, LinkPolicies policies, CancellationToken cancellationToken);

    /// <summary>Removes a link.</summary>
    Task<LinkedMember> UnlinkAsync(long memberId, long householdId, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Streams every member from <paramref name="fromId"/> on with its links, for the read model.</summary>
    IAsyncEnumerable<LinkedMember> ReadAllAsync(long fromId, CancellationToken cancellationToken);

    /// <summary>Gets the largest member id in use; 0 when there are none.</summary>
    Task<long> MaxIdAsync(CancellationToken cancellationToken);
}

/// <summary>A link between a member and a household.</summary>
/// <param name="MemberId">Gets the member.</param>
/// <param name="HouseholdId">Gets the household.</param>
public readonly record struct MemberLink(long MemberId, long HouseholdId);

/// <summary>A member and the households linked to it, in id order.</summary>
/// <param name="Member">Gets the member.</param>
/// <param name="Households">Gets the linked household ids.</param>
public sealed record LinkedMember(PartyMember Member, IReadOnlyList<long> Households);
