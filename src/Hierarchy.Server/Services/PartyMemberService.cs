using Grpc.Core;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.People;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Grains.People;
using Hierarchy.Server.Replication;
using Hierarchy.Server.Security;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Services;

/// <summary><c>hierarchy.v1.PartyMemberService</c>: members, their households, and admins changing links.</summary>
public sealed class PartyMemberService(
    HierarchyState state, IPartyMemberStore members, IIssueStore issues, ChangeFeedFollower follower, IGrainFactory grains, LinkPolicies policies)
    : V1.PartyMemberService.PartyMemberServiceBase
{
    private const int MaxPage = 100;

    /// <inheritdoc />
    public override Task<V1.LinkHouseholdResponse> LinkHousehold(V1.LinkHouseholdRequest request, ServerCallContext context) =>
        ChangeLinkAsync(request.MemberId, request.HouseholdId, request.ExpectedVersion, link: true, context);

    /// <inheritdoc />
    public override Task<V1.LinkHouseholdResponse> UnlinkHousehold(V1.UnlinkHouseholdRequest request, ServerCallContext context) =>
        ChangeLinkAsync(request.MemberId, request.HouseholdId, request.ExpectedVersion, link: false, context);

    /// <inheritdoc />
    public override async Task<V1.LinkHouseholdResponse> SetMemberKind(V1.SetMemberKindRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        if (request.Kind is not (V1.MemberKind.OrdinaryMember or V1.MemberKind.CentralHousehold))
        {
            throw new InvalidFieldException("kind", $"{(int)request.Kind} is not a member kind: ORDINARY_MEMBER (1) or CENTRAL_HOUSEHOLD (2)");
        }

        if (request.ExpectedVersion < 0)
        {
            throw new InvalidFieldException("expected_version", $"{request.ExpectedVersion} is negative");
        }

        var tree = state.Tree;
        var entry = Find(request.MemberId);
        AccessPolicy.CheckAdminOf(caller, tree, "SetMemberKind", entry.Member.UnitId, entry.Member.UnitId);
        var changed = await grains.GetGrain<IPartyMemberGrain>(request.MemberId).SetKindAsync((MemberKind)request.Kind, request.ExpectedVersion);
        return await AnswerAsync(tree, entry, changed, context);
    }

    /// <inheritdoc/>
    public override async Task<V1.PartyMember> GetMember(V1.GetMemberRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        await follower.RequireAsync(request.MinConsistencyToken, context.CancellationToken);
        var tree = state.Tree;
        var entry = Find(request.MemberId);
        var open = AccessPolicy.SeesPersonalData(caller, tree, entry.Member.UnitId, entry.Member.Id);
        return Message(tree, entry, open);
    }

    /// <inheritdoc/>
    public override async Task<V1.ListHouseholdsResponse> ListHouseholds(V1.ListHouseholdsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        await follower.RequireAsync(request.MinConsistencyToken, context.CancellationToken);
        var tree = state.Tree;
        var entry = Find(request.MemberId);
        AccessPolicy.CheckCanListHouseholds(caller, tree, entry.Member.Id, entry.Member.UnitId);
        var size = Paging.Size(request.PageSize, 10, MaxPage);
        var after = Paging.Position(request.PageToken);
        var households = await members.ListHouseholdsAsync(entry.Member.Id, after, size + 1, context.CancellationToken);
        var page = households.Take(size).ToList();
        var openIssues = await issues.OpenCountsAsync([.. page.Select(h => h.Id)], context.CancellationToken);
        var messages = SnapshotMessages.For(tree);
        var response = new V1.ListHouseholdsResponse { Total = entry.Households.Count };
        foreach (var household in page)
        {
            var group = tree.TryIndexOf(household.BuildingGroupId, out var index) ? messages.Unit(index) : null;
            var open = AccessPolicy.SeesPersonalData(caller, tree, household.BuildingGroupId, entry.Member.Id);
            var message = ProtoMapping.Household(household, group!, open);
            message.OpenIssueCount = openIssues.GetValueOrDefault(household.Id);
            response.Households.Add(message);
        }

        if (households.Count > size)
        {
            response.NextPageToken = Paging.Token(households[size - 1].Id);
        }

        return response;
    }

    private async Task<V1.LinkHouseholdResponse> ChangeLinkAsync(
        long memberId, long householdId, long expectedVersion, bool link, ServerCallContext context)
    {
        var caller = context.Caller();
        if (householdId <= 0)
        {
            throw new InvalidFieldException("household_id", householdId == 0 ? "is required" : $"{householdId} is not a household id");
        }

        if (expectedVersion < 0)
        {
            throw new InvalidFieldException("expected_version", $"{expectedVersion} is negative");
        }

        var tree = state.Tree;
        var entry = Find(memberId);
        var group = state.Households.BuildingGroupOf(householdId);
        AccessPolicy.CheckAdminOf(caller, tree, link ? "LinkHousehold" : "UnlinkHousehold", entry.Member.UnitId, group);

        var grain = grains.GetGrain<IPartyMemberGrain>(memberId);
        var changed = link ? await grain.LinkAsync(householdId, expectedVersion) : await grain.UnlinkAsync(householdId, expectedVersion);
        return await AnswerAsync(tree, entry, changed, context);
    }

    private async Task<V1.LinkHouseholdResponse> AnswerAsync(OrgTreeSnapshot tree, MemberEntry entry, MemberLinks changed, ServerCallContext context)
    {
        var token = await follower.CatchUpAsync(context.CancellationToken);
        var member = entry.Member with { Version = changed.Version, Kind = changed.Kind };
        var response = new V1.LinkHouseholdResponse
        {
            Member = Message(tree, new MemberEntry(member, changed.Households), personalData: true),
            ConsistencyToken = token,
        };
        response.Warnings.AddRange(policies.For(member.Kind).Warnings(member.Id, changed.Households.Count));
        return response;
    }

    private MemberEntry Find(long memberId)
    {
        if (memberId <= 0)
        {
            throw new InvalidFieldException("member_id", memberId == 0 ? "is required" : $"{memberId} is not a member id");
        }

        return state.Members.Get(memberId) ?? throw new NotFoundException($"party member {memberId}");
    }

    private V1.PartyMember Message(OrgTreeSnapshot tree, MemberEntry entry, bool personalData)
    {
        var member = entry.Member;
        var policy = policies.For(member.Kind);
        var message = new V1.PartyMember
        {
            Id = member.Id,
            Name = personalData ? member.Name : PersonalDataMask.Name(member.Name),
            Phone = personalData ? member.Phone : PersonalDataMask.Phone(member.Phone),
            Unit = tree.TryIndexOf(member.UnitId, out var index) ? SnapshotMessages.For(tree).Unit(index) : null,
            LinkedHouseholds = entry.Households.Count,
            Version = member.Version,
            Kind = (V1.MemberKind)member.Kind,
            PolicyMinimum = policy.Minimum,
            PolicyMaximum = policy.Maximum,
        };
        message.Warnings.AddRange(policy.Warnings(member.Id, entry.Households.Count));
        return message;
    }
}
