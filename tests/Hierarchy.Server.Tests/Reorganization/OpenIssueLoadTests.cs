using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Reorganization;

/// <summary>A proposal asked to weigh open issues gives the building groups that carry them smaller grids (Weidu, 620 grids).</summary>
public sealed class OpenIssueLoadTests(WeiduGridsServer weidu) : IClassFixture<WeiduGridsServer>
{
    private readonly CallOptions _admin = WeiduServer.As("district-admin");

    [Fact]
    public async Task Open_issues_in_a_communitys_first_building_group_leave_its_first_grid_fewer_building_groups()
    {
        var (community, firstGrid, grids) = FirstCommunityWithGrids();
        var firstGroup = weidu.Before.Units.Where(u => u.ParentId == firstGrid.Id).MinBy(u => u.Code, StringComparer.Ordinal)!;
        for (var i = 0; i < 12; i++)
        {
            await weidu.Channel.Issues().ReportIssueAsync(new ReportIssueRequest
            {
                RequestId = $"load-{i}",
                UnitId = firstGroup.Id,
                Category = "sewage",
                Channel = IssueChannel.Hotline,
                Description = "污水反复外溢",
            }, WeiduServer.As("service"));
        }

        var byHouseholds = await ProposeAsync(community, grids - 1, householdsPerOpenIssue: 0);
        var byLoad = await ProposeAsync(community, grids - 1, householdsPerOpenIssue: 40);

        Assert.True(GroupsOf(firstGrid, byLoad) < GroupsOf(firstGrid, byHouseholds), $"{GroupsOf(firstGrid, byLoad)} vs {GroupsOf(firstGrid, byHouseholds)}");
    }

    [Fact]
    public async Task Proposing_the_cut_a_community_already_has_is_a_failed_precondition_with_nothing_planned()
    {
        var (community, _, grids) = FirstCommunityWithGrids();

        var error = await Assert.ThrowsAsync<RpcException>(() => ProposeAsync(community, grids, householdsPerOpenIssue: 0));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("nothing to plan", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_weight_is_invalid_argument_naming_it()
    {
        var (community, _, grids) = FirstCommunityWithGrids();

        var error = await Assert.ThrowsAsync<RpcException>(() => ProposeAsync(community, grids, householdsPerOpenIssue: -1));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("households_per_open_issue:", error.Status.Detail, StringComparison.Ordinal);
    }

    private (Domain.Organization.OrgUnit Community, Domain.Organization.OrgUnit FirstGrid, int Grids) FirstCommunityWithGrids()
    {
        var byCommunity = weidu.GridsByCommunity();
        var community = weidu.Before.Units.Where(u => u.Level == Domain.Organization.OrgLevel.Community && byCommunity[u.Id].Count() >= 3).MinBy(u => u.Code, StringComparer.Ordinal)!;
        return (community, byCommunity[community.Id].First(), byCommunity[community.Id].Count());
    }

    private Task<ReorganizationProposal> ProposeAsync(Domain.Organization.OrgUnit community, int grids, int householdsPerOpenIssue) =>
        weidu.Channel.Admin().ProposeReorganizationAsync(
            new ProposeReorganizationRequest { UnitId = community.Id, TargetGrids = grids, HouseholdsPerOpenIssue = householdsPerOpenIssue }, _admin).ResponseAsync;

    // The building groups a grid holds once the proposal's moves are made.
    private int GroupsOf(Domain.Organization.OrgUnit grid, ReorganizationProposal proposal)
    {
        var groups = weidu.Before.Units.Where(u => u.ParentId == grid.Id).Select(u => u.Id).ToHashSet();
        foreach (var moved in proposal.Plan.Reparented.Where(r => r.Level == V1.OrgLevel.BuildingGroup))
        {
            if (moved.ParentAfter == grid.Id)
            {
                groups.Add(moved.UnitId);
            }
            else
            {
                groups.Remove(moved.UnitId);
            }
        }

        return groups.Count;
    }
}
