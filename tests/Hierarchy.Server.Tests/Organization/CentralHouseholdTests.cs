using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.Testing;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Organization;

/// <summary>党员中心户: in 化龙镇's 马庄村, a member made a central household serves fifteen households under its own policy.</summary>
public sealed class CentralHouseholdTests(ShouguangServer shouguang) : IClassFixture<ShouguangServer>
{
    private readonly CallOptions _admin = WeiduServer.As("county-admin");

    private PartyMemberService.PartyMemberServiceClient Members => shouguang.Channel.PartyMembers();

    [Fact]
    public async Task A_central_household_in_a_village_serves_fifteen_households_and_counts_within_its_policy()
    {
        var (central, villageHouseholds) = VillageMember();
        var made = await Members.SetMemberKindAsync(new SetMemberKindRequest { MemberId = central, Kind = MemberKind.CentralHousehold }, _admin);
        Assert.Equal((MemberKind.CentralHousehold, 10, 30), (made.Member.Kind, made.Member.PolicyMinimum, made.Member.PolicyMaximum));

        var linked = made.Member.LinkedHouseholds;
        foreach (var household in villageHouseholds.Where(h => shouguang.Server.State.Households.MemberOf(h) != central).Take(15 - linked))
        {
            var holder = shouguang.Server.State.Households.MemberOf(household);
            await Members.UnlinkHouseholdAsync(new UnlinkHouseholdRequest { MemberId = holder, HouseholdId = household }, _admin);
            made = await Members.LinkHouseholdAsync(new LinkHouseholdRequest { MemberId = central, HouseholdId = household }, _admin);
        }

        var coverage = await shouguang.Channel.Stats().GetLinkCoverageAsync(new GetLinkCoverageRequest { UnitCode = ShouguangSample.Mazhuang }, _admin);
        Assert.Equal((15, 0), (made.Member.LinkedHouseholds, made.Warnings.Count));
        Assert.Equal(0, coverage.Total.MembersAbove);
    }

    [Fact]
    public async Task A_member_with_more_links_than_the_ordinary_policy_cannot_become_ordinary_and_nothing_changes()
    {
        var (member, villageHouseholds) = VillageMember(nth: 1);
        await Members.SetMemberKindAsync(new SetMemberKindRequest { MemberId = member, Kind = MemberKind.CentralHousehold }, _admin);
        LinkHouseholdResponse made = null!;
        foreach (var household in villageHouseholds.Where(h => shouguang.Server.State.Households.MemberOf(h) != member)
            .Skip(40).Take(11 - shouguang.Server.State.Members.Get(member)!.Households.Count))
        {
            await Members.UnlinkHouseholdAsync(new UnlinkHouseholdRequest { MemberId = shouguang.Server.State.Households.MemberOf(household), HouseholdId = household }, _admin);
            made = await Members.LinkHouseholdAsync(new LinkHouseholdRequest { MemberId = member, HouseholdId = household }, _admin);
        }

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Members.SetMemberKindAsync(new SetMemberKindRequest { MemberId = member, Kind = MemberKind.OrdinaryMember }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("unlink 1 first", error.Status.Detail, StringComparison.Ordinal);
        var after = await Members.GetMemberAsync(new GetMemberRequest { MemberId = member, MinConsistencyToken = made.ConsistencyToken }, _admin);
        Assert.Equal((MemberKind.CentralHousehold, 11), (after.Kind, after.LinkedHouseholds));
    }

    [Fact]
    public async Task An_unknown_member_kind_is_invalid_argument_naming_kind()
    {
        var (member, _) = VillageMember(nth: 2);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Members.SetMemberKindAsync(new SetMemberKindRequest { MemberId = member, Kind = (MemberKind)7 }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("kind:", error.Status.Detail, StringComparison.Ordinal);
    }

    // A member of 马庄村 and every household of the village, in id order.
    private (long Member, IReadOnlyList<long> Households) VillageMember(int nth = 0)
    {
        var state = shouguang.Server.State;
        var tree = state.Tree;
        tree.TryIndexOfCode(ShouguangSample.Mazhuang, out var village);
        var groups = Enumerable.Range(tree.SubtreeOf(village).Start, tree.SubtreeOf(village).End - tree.SubtreeOf(village).Start)
            .Where(i => tree.LevelOf(i) == Domain.Organization.OrgLevel.BuildingGroup).Select(i => tree.UnitAt(i).Id).ToHashSet();
        var households = Enumerable.Range(1, (int)state.Households.Count).Select(i => (long)i).Where(h => groups.Contains(state.Households.BuildingGroupOf(h))).ToList();
        var members = households.Select(state.Households.MemberOf).Where(m => m != 0).Distinct().Order().ToList();
        return (members[nth], households);
    }
}
