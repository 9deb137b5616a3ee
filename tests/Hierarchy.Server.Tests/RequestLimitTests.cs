using Grpc.Core;
using Hierarchy.Domain.Errors;
using Hierarchy.Grpc.Client;
using Hierarchy.Server.Pipeline;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests;

/// <summary>Every text field of a request has a bound; a longer one is refused at the edge, naming the field and its limit.</summary>
[Collection(TongzhouIssueServerCollection.Name)]
public sealed class RequestLimitTests(TongzhouIssueServer tongzhou)
{
    private readonly CallOptions _service = WeiduServer.As("service");

    [Fact]
    public async Task A_megabyte_escalation_reason_is_refused_naming_the_field_and_leaves_the_issue_as_it_was()
    {
        var household = tongzhou.HouseholdIn("110112001006", nth: 3);
        var issue = (await tongzhou.Channel.Issues().ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = "limits-" + household,
            HouseholdId = household,
            Category = "noise",
            Channel = IssueChannel.Hotline,
            Description = "夜间施工噪音",
        }, _service)).Issue;

        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Issues().EscalateAsync(
            new EscalateRequest { IssueId = issue.Id, Reason = new string('吵', 1_000_000) }, _service).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("reason: is 1000000 characters long; at most 1000 are allowed", error.Status.Detail);
        var after = (await tongzhou.Channel.Issues().GetIssueAsync(new GetIssueRequest { IssueId = issue.Id }, _service)).Issue;
        Assert.Equal(issue.Version, after.Version);
    }

    [Fact]
    public async Task A_long_category_is_refused_without_being_echoed()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Responsibility().ResolveAsync(
            new ResolveRequest { HouseholdId = 1, Category = new string('x', 100_000) }, _service).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("category: is 100000 characters long; at most 64 are allowed", error.Status.Detail);
    }

    [Fact]
    public void A_field_inside_a_batch_is_named_by_its_path()
    {
        var batch = new ResolveBatchRequest();
        batch.Requests.Add(new ResolveRequest { HouseholdId = 1, Category = "noise" });
        batch.Requests.Add(new ResolveRequest { HouseholdId = 2, UnitCode = new string('1', 65) });

        var error = Assert.Throws<InvalidFieldException>(() => RequestLimits.Enforce(batch));

        Assert.Equal("requests[1].unit_code", error.Field);
    }

    [Fact]
    public void Free_text_up_to_its_limit_passes()
    {
        RequestLimits.Enforce(new ReportIssueRequest { Category = "noise", Description = new string('噪', 2_000) });
    }

    [Fact]
    public void A_unit_name_up_to_the_planners_hundred_characters_passes_the_edge()
    {
        RequestLimits.Enforce(new PlanReorganizationRequest
        {
            Changes = { new ReorganizationChange { RenameUnit = new RenameUnit { UnitId = 7, Name = new string('网', 100) } } },
        });
    }
}
