using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests;

[Collection(TongzhouIssueServerCollection.Name)]
public sealed class KeyUnitTests(TongzhouIssueServer tongzhou)
{
    private const string Yiruixili = "110112121014";
    private readonly CallOptions _admin = WeiduServer.As("district-admin");

    [Fact]
    public async Task A_key_unit_that_relapses_restarts_its_period_and_leaves_the_list_only_after_a_clean_one()
    {
        await tongzhou.Channel.Stats().AddKeyUnitAsync(new AddKeyUnitRequest { UnitCode = Yiruixili, ObservationDays = 90, RelapseThreshold = 1 }, _admin).ResponseAsync;
        await ReportAsync(0);
        tongzhou.Clock.Advance(TimeSpan.FromDays(10));
        await ReportAsync(1);
        var relapsedAt = tongzhou.Clock.GetUtcNow();

        var observed = Assert.Single((await ListAsync(includeCleared: false)).Units, u => u.Unit.Code == Yiruixili);
        tongzhou.Clock.Advance(TimeSpan.FromDays(90));
        var after = await ListAsync(includeCleared: false);
        var cleared = Assert.Single((await ListAsync(includeCleared: true)).Units, u => u.Unit.Code == Yiruixili);

        Assert.Equal((1, relapsedAt.AddDays(90)), (observed.Relapses, observed.EndsAt.ToDateTimeOffset()));
        Assert.DoesNotContain(after.Units, u => u.Unit.Code == Yiruixili);
        Assert.True(cleared.Cleared);
    }

    [Fact]
    public async Task An_observation_period_of_zero_days_is_an_invalid_argument_naming_it()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Stats().AddKeyUnitAsync(new AddKeyUnitRequest { UnitCode = "110112121015", ObservationDays = 0, RelapseThreshold = 1 }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("observation_days", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_over_the_unit_may_put_it_on_the_list()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Stats().AddKeyUnitAsync(new AddKeyUnitRequest { UnitCode = "110112121016", ObservationDays = 90 }, WeiduServer.As("service")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    private Task<ListKeyUnitsResponse> ListAsync(bool includeCleared) => tongzhou.Channel.Stats().ListKeyUnitsAsync(new ListKeyUnitsRequest { UnitCode = "110112121", IncludeCleared = includeCleared }, _admin).ResponseAsync;

    private Task<IssueReply> ReportAsync(int nth) => tongzhou.Channel.Issues().ReportIssueAsync(new ReportIssueRequest
    {
        RequestId = $"key-unit-{nth}",
        HouseholdId = tongzhou.HouseholdIn(Yiruixili, nth),
        Category = "noise",
        Channel = IssueChannel.Hotline,
        Description = "夜间施工噪音",
    }, WeiduServer.As("service")).ResponseAsync;
}
