using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests;

/// <summary>A request id makes a report safe to retry for its caller, and is no way into anybody else's issue.</summary>
[Collection(TongzhouIssueServerCollection.Name)]
public sealed class IdempotencyTests(TongzhouIssueServer tongzhou)
{
    [Fact]
    public async Task The_same_request_id_from_another_caller_is_another_report()
    {
        var household = tongzhou.HouseholdIn("110112001006", nth: 5);

        var first = await ReportAsync("service", "shared-id", household, "下水道堵塞");
        var second = await ReportAsync("district-admin", "shared-id", household, "下水道堵塞");

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("shared-id", second.RequestId);
    }

    [Fact]
    public async Task A_retry_with_the_same_report_returns_the_first_issue()
    {
        var household = tongzhou.HouseholdIn("110112001006", nth: 6);

        var first = await ReportAsync("service", "retried-id", household, "路灯不亮");
        var again = await ReportAsync("service", "retried-id", household, "路灯不亮");

        Assert.Equal(first.Id, again.Id);
    }

    [Fact]
    public async Task A_used_request_id_sent_with_a_different_report_is_a_failed_precondition_naming_it()
    {
        var household = tongzhou.HouseholdIn("110112001006", nth: 7);
        await ReportAsync("service", "reused-id", household, "楼道堆物");

        var error = await Assert.ThrowsAsync<RpcException>(() => ReportAsync("service", "reused-id", household, "完全不同的诉求"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith("request_id 'reused-id' was already used for a different report", error.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<Issue> ReportAsync(string token, string requestId, long household, string description) =>
        (await tongzhou.Channel.Issues().ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = requestId,
            HouseholdId = household,
            Category = "sewage",
            Channel = IssueChannel.Hotline,
            Description = description,
        }, WeiduServer.As(token))).Issue;
}
