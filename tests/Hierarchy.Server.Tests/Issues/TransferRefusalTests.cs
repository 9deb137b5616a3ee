using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Issues;

/// <summary>What a transfer refuses, on a server of its own: the story retires a grid, which other stories must not see.</summary>
public sealed class TransferRefusalTests(TongzhouIssueServer tongzhou) : IClassFixture<TongzhouIssueServer>
{
    private readonly CallOptions _dispatcher = WeiduServer.As("dispatcher");

    [Fact]
    public async Task A_transfer_to_a_retired_grid_is_a_failed_precondition_naming_it_and_nothing_changes()
    {
        // The grids of 滨河社区 and 佟麟阁社区 merge: the second retires.
        var grids = new[] { "110112001029", "110112001031" }
            .Select(code => tongzhou.Tree.Units.Where(u => u.ParentId == tongzhou.UnitId(code)).MinBy(u => u.Code)!).ToArray();
        var admin = WeiduServer.As("district-admin");
        var plan = await tongzhou.Channel.Admin().PlanReorganizationAsync(new PlanReorganizationRequest
        {
            Changes = { new ReorganizationChange { MergeGrids = new MergeGrids { SourceGridIds = { grids[1].Id }, TargetGridId = grids[0].Id, AllowCrossCommunity = true } } },
        }, admin);
        await tongzhou.Channel.Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, admin);
        var issue = await AcceptedAtCentreAsync("to-retired");

        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Issues().TransferAsync(
            new TransferRequest { IssueId = issue.Id, Category = "garbage", UnitCode = grids[1].Code, Reason = "派网格" }, _dispatcher).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains($"{grids[1].Code} {grids[1].Name}: it retired", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(issue.Version, (await tongzhou.Channel.Issues().GetIssueAsync(new GetIssueRequest { IssueId = issue.Id }, _dispatcher)).Issue.Version);
    }

    [Fact]
    public async Task A_transfer_without_a_category_for_an_issue_that_has_none_is_an_invalid_argument_naming_category()
    {
        var issue = await AcceptedAtCentreAsync("no-category");

        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Issues().TransferAsync(
            new TransferRequest { IssueId = issue.Id, DepartmentCode = "water", Reason = "转水务" }, _dispatcher).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("category", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("district-admin")]
    [InlineData("urban-management")]
    public async Task Only_the_dispatch_centre_transfers(string token)
    {
        var issue = await AcceptedAtCentreAsync("transfer-by-" + token);

        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Issues().TransferAsync(
            new TransferRequest { IssueId = issue.Id, Category = "garbage", DepartmentCode = "urban_management", Reason = "转" }, WeiduServer.As(token)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    private async Task<Issue> AcceptedAtCentreAsync(string requestId)
    {
        var issue = (await tongzhou.Channel.Issues().ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = requestId,
            UnitCode = "110112001029",
            Channel = IssueChannel.Hotline,
            Description = "不知道归谁管",
        }, WeiduServer.As("service"))).Issue;
        return (await tongzhou.Channel.Issues().AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, _dispatcher)).Issue;
    }
}
