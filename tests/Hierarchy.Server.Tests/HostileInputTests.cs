using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests;

/// <summary>What the API fuzzer (bench/Hierarchy.Bench.Fuzz) found answered as faults: each is a bad field, or a plain answer.</summary>
[Collection(TongzhouIssueServerCollection.Name)]
public sealed class HostileInputTests(TongzhouIssueServer tongzhou)
{
    private readonly CallOptions _admin = WeiduServer.As("district-admin");

    [Fact]
    public async Task A_time_past_the_year_9999_is_an_invalid_argument_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Responsibility().ResolveAsync(
            new ResolveRequest { UnitCode = "110112", Category = "sewage", AsOf = new Timestamp { Seconds = long.MaxValue } }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("as_of: seconds 9223372036854775807 and nanos 0 are not a time", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nanos_past_a_second_are_an_invalid_argument_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Stats().GetUnitStatsAsync(new GetUnitStatsRequest
        {
            UnitCode = "110112",
            From = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-1)),
            To = new Timestamp { Seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Nanos = 1_500_000_000 },
        }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("to: ", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_batch_is_answered_with_no_results()
    {
        var answer = await tongzhou.Channel.Responsibility().ResolveBatchAsync(new ResolveBatchRequest(), _admin).ResponseAsync;

        Assert.Empty(answer.Results);
        Assert.Equal(tongzhou.Server.State.Tree.Version, answer.TreeVersion);
    }

    [Fact]
    public async Task An_observation_of_minus_two_billion_days_is_an_invalid_argument_not_an_overflow()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Stats().AddKeyUnitAsync(
            new AddKeyUnitRequest { UnitCode = "110112001006", ObservationDays = -2_109_432_349, RelapseThreshold = 3 }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("observation_days: -2109432349 days is not a period of 1 day to 10 years", error.Status.Detail);
    }

    [Fact]
    public async Task A_page_token_past_the_end_of_a_search_is_an_invalid_argument_naming_it()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Directory().SearchUnitsAsync(
            new SearchUnitsRequest { RootUnitCode = "110112001", Query = "社区", PageToken = "110112001001001" }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("page_token: '110112001001001' is past the end of this list", error.Status.Detail);
    }
}
