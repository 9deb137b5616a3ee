using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests;

[Collection(WeiduServerCollection.Name)]
public sealed class PartyMemberTests(WeiduServer weidu)
{
    [Fact]
    public async Task A_member_lists_its_own_households_with_names_and_phones_in_full()
    {
        var response = await ListAsync(1, "member-1");

        Assert.InRange(response.Households.Count, 5, 10);
        Assert.All(response.Households, h => Assert.DoesNotContain("*", h.Phone, StringComparison.Ordinal));
        Assert.All(response.Households, h => Assert.Equal(OrgLevel.BuildingGroup, h.BuildingGroup.Level));
    }

    [Fact]
    public async Task A_member_may_not_list_another_members_households()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => ListAsync(2, "member-1"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task A_service_sees_households_with_names_and_phones_masked()
    {
        var response = await ListAsync(1, "service");

        Assert.All(response.Households, h => Assert.Matches(@"^\d{3}\*{4}\d{4}$", h.Phone));
        Assert.All(response.Households, h => Assert.EndsWith("*", h.HeadName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_of_the_district_sees_personal_data_in_full()
    {
        var response = await ListAsync(1, "district-admin");

        Assert.All(response.Households, h => Assert.DoesNotContain("*", h.HeadName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Households_page_by_the_token_until_none_is_left()
    {
        var first = await ListAsync(1, "member-1", pageSize: 2);
        var second = await ListAsync(1, "member-1", pageSize: 100, first.NextPageToken);

        Assert.Equal(first.Total, first.Households.Count + second.Households.Count);
        Assert.Empty(second.NextPageToken);
    }

    [Fact]
    public async Task A_page_size_over_one_hundred_is_an_invalid_argument_naming_page_size()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => ListAsync(1, "member-1", pageSize: 101));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("page_size", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_member_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => ListAsync(987_654_321, "service"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_member_may_not_link_households()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => weidu.Channel.PartyMembers().LinkHouseholdAsync(new LinkHouseholdRequest { MemberId = 1, HouseholdId = 40 }, WeiduServer.As("member-1")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task An_admin_of_another_street_may_not_link_households_outside_it()
    {
        var member = await weidu.Channel.PartyMembers().GetMemberAsync(new GetMemberRequest { MemberId = 1 }, WeiduServer.As("service")).ResponseAsync;
        Assert.NotEqual(weidu.StreetId, member.Unit.Id);

        var error = await Assert.ThrowsAsync<RpcException>(() => weidu.Channel.PartyMembers().UnlinkHouseholdAsync(new UnlinkHouseholdRequest { MemberId = 1, HouseholdId = 1 }, WeiduServer.As("street-admin")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task Moving_a_household_to_another_member_shows_at_once_in_resolve()
    {
        var admin = WeiduServer.As("district-admin");
        var from = await weidu.Channel.PartyMembers().GetMemberAsync(new GetMemberRequest { MemberId = 5 }, admin).ResponseAsync;
        var household = (await ListAsync(5, "district-admin")).Households[^1].Id;

        var unlinked = await weidu.Channel.PartyMembers().UnlinkHouseholdAsync(new UnlinkHouseholdRequest { MemberId = 5, HouseholdId = household, ExpectedVersion = from.Version }, admin).ResponseAsync;
        var linked = await weidu.Channel.PartyMembers().LinkHouseholdAsync(new LinkHouseholdRequest { MemberId = 6, HouseholdId = household }, admin).ResponseAsync;
        var resolution = await weidu.Channel.Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = household, Category = "noise" }, admin).ResponseAsync;

        Assert.Equal(from.LinkedHouseholds - 1, unlinked.Member.LinkedHouseholds);
        Assert.Equal(6, linked.Member.Id);
        Assert.Equal(6, resolution.LinkedMember.MemberId);
    }

    [Fact]
    public async Task A_stale_expected_version_is_aborted()
    {
        var admin = WeiduServer.As("district-admin");
        var member = await weidu.Channel.PartyMembers().GetMemberAsync(new GetMemberRequest { MemberId = 7 }, admin).ResponseAsync;
        var household = (await ListAsync(7, "district-admin")).Households[0].Id;

        var error = await Assert.ThrowsAsync<RpcException>(() => weidu.Channel.PartyMembers().UnlinkHouseholdAsync(new UnlinkHouseholdRequest { MemberId = 7, HouseholdId = household, ExpectedVersion = member.Version + 1 }, admin).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(member.LinkedHouseholds, (await ListAsync(7, "district-admin")).Total);
    }

    [Fact]
    public async Task Linking_a_household_that_has_a_member_already_is_a_failed_precondition()
    {
        var household = (await ListAsync(8, "district-admin")).Households[0].Id;

        var error = await Assert.ThrowsAsync<RpcException>(() => weidu.Channel.PartyMembers().LinkHouseholdAsync(new LinkHouseholdRequest { MemberId = 9, HouseholdId = household }, WeiduServer.As("district-admin")).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("already linked to party member 8", error.Status.Detail, StringComparison.Ordinal);
    }

    private Task<ListHouseholdsResponse> ListAsync(long member, string token, int pageSize = 0, string pageToken = "") =>
        weidu.Channel.PartyMembers().ListHouseholdsAsync(new ListHouseholdsRequest { MemberId = member, PageSize = pageSize, PageToken = pageToken },
            WeiduServer.As(token)).ResponseAsync;
}
