using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.Testing;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Organization;

/// <summary>What a unit is at its level: Shouguang's compound branches stand as grids, villages have villagers' groups.</summary>
public sealed class UnitKindTests(ShouguangServer shouguang) : IClassFixture<ShouguangServer>
{
    private readonly CallOptions _admin = WeiduServer.As("county-admin");
    private readonly CallOptions _service = WeiduServer.As("service");

    private AdminService.AdminServiceClient Admin => shouguang.Channel.Admin();

    [Fact]
    public async Task Imported_units_are_the_kind_their_published_names_say()
    {
        var directory = shouguang.Channel.Directory();

        var town = (await directory.GetUnitAsync(new GetUnitRequest { UnitCode = ShouguangSample.Hualong }, _service)).Unit;
        var street = (await directory.GetUnitAsync(new GetUnitRequest { UnitCode = ShouguangSample.Shengcheng }, _service)).Unit;
        var village = (await directory.GetUnitAsync(new GetUnitRequest { UnitCode = ShouguangSample.Mazhuang }, _service)).Unit;
        var community = (await directory.GetUnitAsync(new GetUnitRequest { UnitCode = ShouguangSample.Xiangyang }, _service)).Unit;
        var villageGroup = shouguang.ChildrenOf(shouguang.ChildrenOf(ShouguangSample.Mazhuang)[0].Code)[0];

        Assert.Equal(
            (UnitKind.Township, UnitKind.StreetOffice, UnitKind.Village, UnitKind.UrbanCommunity),
            (town.Kind, street.Kind, village.Kind, community.Kind));
        Assert.Equal((Domain.Organization.UnitKind.ResidentsGroup, "第1村民小组"), (villageGroup.Kind, villageGroup.Name));
    }

    [Fact]
    public async Task A_grid_made_a_compound_branch_owns_grid_level_issues_and_the_past_still_says_grid_branch()
    {
        var grid = shouguang.ChildrenOf(ShouguangSample.Xiangyang)[0];
        var group = shouguang.ChildrenOf(grid.Code)[0];
        var before = DateTimeOffset.UtcNow;
        var plan = await Admin.PlanReorganizationAsync(new PlanReorganizationRequest
        {
            Changes =
            {
                new ReorganizationChange { SetUnitKind = new SetUnitKind { UnitId = grid.Id, Kind = UnitKind.CompoundBranch } },
                new ReorganizationChange { RenameUnit = new RenameUnit { UnitId = grid.Id, Name = "向阳社区阳光花园小区党支部" } },
            },
        }, _admin);

        var recast = Assert.Single(plan.Recast);
        Assert.Equal((UnitKind.GridBranch, UnitKind.CompoundBranch), (recast.KindBefore, recast.KindAfter));
        var applied = await Admin.ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, _admin);
        var who = await shouguang.Channel.Responsibility().ResolveAsync(
            new ResolveRequest { UnitId = group.Id, Category = "garbage", MinConsistencyToken = applied.ConsistencyToken }, _service);
        var issue = (await shouguang.Channel.Issues().ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = "compound-branch-garbage",
            UnitId = group.Id,
            Category = "garbage",
            Channel = IssueChannel.Hotline,
            Description = "小区垃圾桶满溢",
        }, _service)).Issue;
        issue = (await shouguang.Channel.Issues().AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, _service)).Issue;
        var then = await shouguang.Channel.Responsibility().ResolveAsync(
            new ResolveRequest { UnitId = group.Id, Category = "garbage", AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(before) }, _service);

        Assert.Equal((OrgLevel.Grid, UnitKind.CompoundBranch, "向阳社区阳光花园小区党支部"), (who.Owner.Level, who.Owner.Kind, who.Owner.Name));
        Assert.Equal(("Grid", grid.Id), (issue.Owner.Level, issue.Owner.UnitId));
        Assert.Equal(UnitKind.GridBranch, then.Owner.Kind);
    }

    [Fact]
    public async Task A_new_group_in_a_village_is_a_villagers_group()
    {
        var grid = shouguang.ChildrenOf(ShouguangSample.Mazhuang)[0];

        var plan = await Admin.PlanReorganizationAsync(new PlanReorganizationRequest
        {
            Changes = { new ReorganizationChange { CreateUnit = new CreateUnit { ProvisionalId = -1, Level = OrgLevel.BuildingGroup, ParentId = grid.Id, Name = "第九村民小组" } } },
        }, _admin);

        Assert.Equal(UnitKind.ResidentsGroup, Assert.Single(plan.Created).KindAfter);
    }

    [Fact]
    public async Task A_villagers_group_in_an_urban_community_is_refused_and_nothing_is_planned()
    {
        var grid = shouguang.ChildrenOf(ShouguangSample.Xueyuan)[0];

        var error = await Assert.ThrowsAsync<RpcException>(() => Admin.PlanReorganizationAsync(new PlanReorganizationRequest
        {
            Changes =
            {
                new ReorganizationChange
                {
                    CreateUnit = new CreateUnit { ProvisionalId = -1, Level = OrgLevel.BuildingGroup, ParentId = grid.Id, Name = "第一村民小组", Kind = UnitKind.ResidentsGroup },
                },
            },
        }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("villagers' group", error.Status.Detail, StringComparison.Ordinal);
        var children = await shouguang.Channel.Directory().ListChildrenAsync(new ListChildrenRequest { UnitId = grid.Id }, _service);
        Assert.DoesNotContain(children.Children, c => c.Name == "第一村民小组");
    }

    [Fact]
    public async Task A_kind_of_another_level_is_invalid_argument_naming_the_field()
    {
        var grid = shouguang.ChildrenOf(ShouguangSample.Xueyuan)[0];

        var error = await Assert.ThrowsAsync<RpcException>(() => Admin.PlanReorganizationAsync(new PlanReorganizationRequest
        {
            Changes = { new ReorganizationChange { SetUnitKind = new SetUnitKind { UnitId = grid.Id, Kind = UnitKind.Village } } },
        }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("kind:", error.Status.Detail, StringComparison.Ordinal);
    }
}
