using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Reorganization;

/// <summary>Weidu's 620 → 539 asked of the proposer: balanced grids, within communities, a plan the planner accepts and applies.</summary>
public sealed class GridProposerTests(WeiduGridsServer weidu) : IClassFixture<WeiduGridsServer>
{
    private readonly CallOptions _admin = WeiduServer.As("district-admin");

    [Fact]
    public async Task Proposing_539_grids_for_Weidu_cuts_communities_into_balanced_contiguous_grids_and_applies_as_a_plan()
    {
        var proposal = await weidu.Channel.Admin().ProposeReorganizationAsync(new ProposeReorganizationRequest { UnitCode = "411002", TargetGrids = 539 }, _admin);

        Assert.Equal((620, 539), (proposal.Plan.GridsBefore, proposal.Plan.GridsAfter));
        // Building groups of up to 69 households cut in code order: 254 (17%) is the least largest grid this data allows.
        Assert.True(proposal.LargestOverMean <= 0.18, $"the largest grid holds {proposal.LargestHouseholds} households, {proposal.LargestOverMean:P1} over the mean {proposal.MeanHouseholds:F1}");
        // A building group's code starts with its community's twelve digits, before and after: no grid crosses a community.
        Assert.All(proposal.Plan.Reparented, r => Assert.Equal(r.CodeBefore[..12], r.CodeAfter[..12]));
        Assert.All(proposal.Plan.Communities, c => Assert.True(c.GridsAfter >= 1));
        var applied = await weidu.Channel.Admin().ApplyReorganizationAsync(
            new ApplyReorganizationRequest { PlanId = proposal.Plan.PlanId, ExpectedTreeVersion = proposal.Plan.BaseTreeVersion }, _admin);
        var grids = weidu.Server.State.Tree;
        Assert.True(applied.AppliedNow);
        Assert.Equal(539, Enumerable.Range(0, grids.Count).Count(i => grids.LevelOf(i) == Domain.Organization.OrgLevel.Grid));
    }

    [Fact]
    public void No_contiguous_cut_of_Weidu_into_539_grids_keeps_every_grid_within_15_percent_of_the_mean()
    {
        var (tree, households) = (weidu.Server.State.Tree, weidu.Server.State.Households);
        var communities = Enumerable.Range(0, tree.Count).Where(i => tree.LevelOf(i) == Domain.Organization.OrgLevel.Community).Select(community =>
        {
            var (start, end) = tree.SubtreeOf(community);
            return Enumerable.Range(start, end - start).Where(i => tree.LevelOf(i) == Domain.Organization.OrgLevel.BuildingGroup)
                .Select(i => households.CountIn(tree.UnitAt(i).Id)).ToList();
        }).ToList();
        var cap = (int)Math.Floor(1.15 * communities.Sum(c => c.Sum()) / 539.0);

        // Filling each grid in building-group order until the next group would pass the cap needs the fewest grids.
        var fewest = communities.Sum(groups => groups.Aggregate((Grids: 1, Load: 0), (run, size) =>
            run.Load + size > cap ? (run.Grids + 1, size) : (run.Grids, run.Load + size)).Grids);

        Assert.True(fewest > 539, $"{fewest} contiguous grids of at most {cap} households would do");
    }

    [Theory]
    [InlineData(3, "target_grids")]
    [InlineData(5_000, "target_grids")]
    public async Task A_target_the_proposer_cannot_reach_is_an_invalid_argument_naming_it(int target, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => weidu.Channel.Admin().ProposeReorganizationAsync(
            new ProposeReorganizationRequest { UnitCode = "411002", TargetGrids = target }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail, StringComparison.Ordinal);
    }
}
