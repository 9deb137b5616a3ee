using Hierarchy.Domain.People;
using Hierarchy.Storage.Stores;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Grains.People;

/// <summary>
/// One party member's links. Calls to one member run one at a time, so the link policy is checked against links no other
/// call is changing; the store checks again inside its transaction, so a second activation during a membership change
/// cannot break the policy either.
/// </summary>
public sealed class PartyMemberGrain(IPartyMemberStore members, LinkPolicies policies, ILogger<PartyMemberGrain> logger) : Grain, IPartyMemberGrain
{
    private LinkedMember? _current;

    /// <inheritdoc />
    public async Task<MemberLinks> LinkAsync(long householdId, long expectedVersion)
    {
        var current = await CurrentAsync();
        if (!current.Households.Contains(householdId))
        {
            policies.For(current.Member.Kind).CheckCanLink(current.Member.Id, current.Households.Count);
        }

        return await WriteAsync(() => members.LinkAsync(current.Member.Id, householdId, expectedVersion, policies, CancellationToken.None));
    }

    /// <inheritdoc />
    public async Task<MemberLinks> SetKindAsync(MemberKind kind, long expectedVersion)
    {
        var current = await CurrentAsync();
        policies.For(kind).CheckHolds(current.Member.Id, current.Households.Count, kind);
        return await WriteAsync(() => members.SetKindAsync(current.Member.Id, kind, expectedVersion, policies, CancellationToken.None));
    }

    /// <inheritdoc />
    public async Task<MemberLinks> UnlinkAsync(long householdId, long expectedVersion)
    {
        var current = await CurrentAsync();
        return await WriteAsync(() => members.UnlinkAsync(current.Member.Id, householdId, expectedVersion, CancellationToken.None));
    }

    private async Task<LinkedMember> CurrentAsync() =>
        _current ??= await GrainBoundary.RunAsync(() => members.GetAsync(this.GetPrimaryKeyLong(), CancellationToken.None), logger);

    private async Task<MemberLinks> WriteAsync(Func<Task<LinkedMember>> write)
    {
        try
        {
            _current = await GrainBoundary.RunAsync(write, logger);
        }
        catch
        {
            // What failed may have been a stale view (a version conflict): read afresh on the next call.
            _current = null;
            throw;
        }

        return new MemberLinks(_current.Member.Id, _current.Member.Version, _current.Households, _current.Member.Kind);
    }
}
