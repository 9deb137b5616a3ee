using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Issues;

/// <summary>网格员: the grid worker of 运河大街社区's first grid receives, handles and replies to its issues, and nobody else's.</summary>
public sealed class GridWorkerTests(TongzhouIssueServer tongzhou) : IClassFixture<TongzhouIssueServer>
{
    private const string Canal = "110112004009";
    private readonly CallOptions _worker = WeiduServer.As("grid-worker");

    private IssueService.IssueServiceClient Issues => tongzhou.Channel.Issues();

    [Fact]
    public async Task A_grid_worker_receives_handles_and_replies_to_an_issue_in_the_grid()
    {
        var issue = (await Issues.ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = "worker-garbage",
            HouseholdId = tongzhou.HouseholdIn(Canal),
            Category = "garbage",
            Channel = IssueChannel.GridApp,
            Description = "垃圾桶满溢",
        }, _worker)).Issue;

        issue = (await Issues.AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, _worker)).Issue;
        issue = (await Issues.StartWorkAsync(new IssueActionRequest { IssueId = issue.Id }, _worker)).Issue;
        issue = (await Issues.ReplyAsync(new ReplyRequest { IssueId = issue.Id, Text = "已安排清运" }, _worker)).Issue;
        issue = (await Issues.ResolveAsync(new ResolveIssueRequest { IssueId = issue.Id, Note = "已清运" }, _worker)).Issue;

        Assert.Equal((IssueStatus.Resolved, tongzhou.GridOf(Canal)), (issue.Status, issue.Owner.UnitId));
        Assert.NotNull(issue.RepliedAt);
        var listed = await Issues.ListIssuesAsync(new ListIssuesRequest { UnitId = tongzhou.GridOf(Canal) }, _worker);
        Assert.Contains(listed.Issues, i => i.Id == issue.Id);
    }

    [Fact]
    public async Task A_grid_worker_may_not_act_on_another_grids_issue_and_nothing_changes()
    {
        var issue = (await Issues.ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = "other-grid",
            HouseholdId = tongzhou.HouseholdIn("110112004011"),
            Category = "garbage",
            Channel = IssueChannel.Hotline,
            Description = "垃圾",
        }, WeiduServer.As("service"))).Issue;
        issue = (await Issues.AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, WeiduServer.As("service"))).Issue;

        var error = await Assert.ThrowsAsync<RpcException>(() => Issues.StartWorkAsync(new IssueActionRequest { IssueId = issue.Id }, _worker).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(issue.Version, (await Issues.GetIssueAsync(new GetIssueRequest { IssueId = issue.Id }, WeiduServer.As("service"))).Issue.Version);
    }

    [Fact]
    public async Task A_plan_staffs_a_grid_worker_position_with_a_work_phone()
    {
        var grid = tongzhou.GridOf(Canal);
        var admin = WeiduServer.As("district-admin");
        var plan = await tongzhou.Channel.Admin().PlanReorganizationAsync(new PlanReorganizationRequest
        {
            Changes =
            {
                new ReorganizationChange
                {
                    AssignPosition = new AssignPosition { UnitId = grid, Kind = PositionKind.GridWorker, HolderName = "李网格", HolderPhone = "010-81500001" },
                },
            },
        }, admin);
        var applied = await tongzhou.Channel.Admin().ApplyReorganizationAsync(
            new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, admin);

        var positions = await tongzhou.Channel.Directory().GetUnitAsync(new GetUnitRequest { UnitId = grid, MinConsistencyToken = applied.ConsistencyToken }, admin);

        Assert.Contains(positions.Positions, p => p.Kind == PositionKind.GridWorker && p.Holder.Name == "李网格" && p.Holder.Phone == "010-81500001");
    }
}
