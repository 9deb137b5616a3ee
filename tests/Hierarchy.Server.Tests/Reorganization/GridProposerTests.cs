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
