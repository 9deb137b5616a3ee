using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Organization;

/// <summary>片区 (Yuqiao's "1+10+24+N"): a zone over two of 玉桥街道's communities owns parking in both, and is ranked as a whole.</summary>
public sealed class ZoneTests(TongzhouOrganizationServer tongzhou) : IClassFixture<TongzhouOrganizationServer>
{
    private static readonly CallOptions Service = WeiduServer.As("service");
    private static readonly CallOptions StreetAdmin = WeiduServer.As("yuqiao-admin");

    [Fact]
    public async Task A_zone_owns_its_category_across_two_communities_and_hands_it_up_to_the_street()
    {
        var (first, second) = (tongzhou.ChildrenOf(TongzhouOrganizationServer.Yuqiao)[0], tongzhou.ChildrenOf(TongzhouOrganizationServer.Yuqiao)[1]);
        var zone = await RegisterZoneAsync([first.Id, second.Id], "parking");

        foreach (var community in new[] { first, second })
        {
            var answer = await tongzhou.Channel.Responsibility().ResolveAsync(new ResolveRequest
            {
                HouseholdId = tongzhou.HouseholdUnder(community),
                Category = "parking",
                MinConsistencyToken = zone.ConsistencyToken,
            }, Service);
            Assert.Equal((zone.Organization.Id, AttachedOrganizationKind.Zone), (answer.OwnerOrganization.Id, answer.OwnerOrganization.Kind));
            Assert.Equal(zone.Organization.Id, answer.EscalationChain[0].Organization.Id);
            Assert.Equal(tongzhou.Unit(TongzhouOrganizationServer.Yuqiao).Id, answer.EscalationChain[1].Unit.Id);
            Assert.Equal(community.Id, answer.Owner.Id);
        }

        var garbage = await tongzhou.Channel.Responsibility().ResolveAsync(
            new ResolveRequest { HouseholdId = tongzhou.HouseholdUnder(first), Category = "garbage" }, Service);
        Assert.Null(garbage.OwnerOrganization);
    }

    [Fact]
    public async Task The_zone_handles_an_issue_of_its_category_and_its_ranking_counts_it()
    {
        var communities = tongzhou.ChildrenOf(TongzhouOrganizationServer.Yuqiao);
        var zone = await RegisterZoneAsync([communities[2].Id, communities[3].Id], "illegal_construction");
        var issues = tongzhou.Channel.Issues();
        var reported = (await issues.ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = "zone-story-1",
            HouseholdId = tongzhou.HouseholdUnder(communities[3]),
            Category = "illegal_construction",
            Channel = IssueChannel.Hotline,
            Description = "楼顶私搭乱建",
        }, Service)).Issue;
        var accepted = (await issues.AcceptAsync(new IssueActionRequest { IssueId = reported.Id }, Service)).Issue;
        Assert.Equal((zone.Organization.Id, "Zone", zone.Organization.Name), (accepted.Owner.OrganizationId, accepted.Owner.Level, accepted.Owner.Name));

        var zoneStaff = WeiduServer.As($"organization-{zone.Organization.Id}");
        await issues.StartWorkAsync(new IssueActionRequest { IssueId = reported.Id }, zoneStaff);
        var resolved = (await issues.ResolveAsync(new ResolveIssueRequest { IssueId = reported.Id, Note = "已拆除" }, zoneStaff)).Issue;
        Assert.Equal(IssueStatus.Resolved, resolved.Status);

        var ranking = await tongzhou.Channel.Stats().RankZonesAsync(new RankChildrenRequest
        {
            UnitCode = TongzhouOrganizationServer.Yuqiao,
            From = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8))),
            To = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8))),
        }, StreetAdmin);
        var row = Assert.Single(ranking.Zones, z => z.Zone.Id == zone.Organization.Id);
        Assert.Equal((1, 1), (row.Figures.Received, row.Figures.Resolved));
        Assert.True(row.Figures.Households > 0);
    }

    [Fact]
    public async Task A_zone_across_two_streets_is_invalid_argument_naming_unit_ids_and_nothing_is_registered()
    {
        var yuqiao = tongzhou.ChildrenOf(TongzhouOrganizationServer.Yuqiao)[0];
        var elsewhere = tongzhou.ChildrenOf("110112002")[0];
        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Organizations().RegisterOrganizationAsync(
            Zone([yuqiao.Id, elsewhere.Id], "noise"), Service).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var asDistrict = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Organizations().RegisterOrganizationAsync(
            Zone([yuqiao.Id, elsewhere.Id], "noise"), WeiduServer.As("district-admin")).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, asDistrict.StatusCode);
        Assert.StartsWith("unit_ids: a zone's communities must lie in one street", asDistrict.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(tongzhou.Server.State.Tree.Organizations, o => o.UnitIds.Contains(elsewhere.Id));
    }

    [Fact]
    public async Task A_zone_with_a_category_not_in_the_list_is_invalid_argument_naming_categories()
    {
        var community = tongzhou.ChildrenOf(TongzhouOrganizationServer.Yuqiao)[4];
        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Organizations().RegisterOrganizationAsync(
            Zone([community.Id], "parkingg"), StreetAdmin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("categories: 'parkingg' is not a category", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_community_already_in_a_zone_cannot_join_another_and_the_first_zone_keeps_it()
    {
        var community = tongzhou.ChildrenOf(TongzhouOrganizationServer.Yuqiao)[5];
        var first = await RegisterZoneAsync([community.Id], "noise");
        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Organizations().RegisterOrganizationAsync(
            Zone([community.Id], "elevator"), StreetAdmin).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains($"is in zone {first.Organization.Id}", error.Status.Detail, StringComparison.Ordinal);
        var listed = await tongzhou.Channel.Organizations().ListOrganizationsAsync(new ListOrganizationsRequest { UnitId = community.Id }, StreetAdmin);
        Assert.Equal([first.Organization.Id], listed.Organizations.Select(o => o.Id));
    }

    private static RegisterOrganizationRequest Zone(long[] communities, string category)
    {
        var request = new RegisterOrganizationRequest { Kind = AttachedOrganizationKind.Zone, Name = "玉桥北片区", Contact = "王片长", Phone = "010-89528800" };
        request.UnitIds.AddRange(communities);
        request.Categories.Add(category);
        return request;
    }

    private Task<OrganizationReply> RegisterZoneAsync(long[] communities, string category) =>
        tongzhou.Channel.Organizations().RegisterOrganizationAsync(Zone(communities, category), StreetAdmin).ResponseAsync;
}
