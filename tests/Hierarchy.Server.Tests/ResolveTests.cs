using Grpc.Core;
using Hierarchy.Domain.Access;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Server.Tests;

[Collection(WeiduServerCollection.Name)]
public sealed class ResolveTests(WeiduServer weidu)
{
    [Fact]
    public async Task A_household_resolves_to_its_grid_for_sewage_with_the_chain_up_to_the_water_department_and_the_district()
    {
        var resolution = await ResolveAsync(new ResolveRequest { HouseholdId = 1, Category = "sewage" });

        Assert.Equal(OrgLevel.BuildingGroup, resolution.Place.Level);
        Assert.Equal(OrgLevel.Grid, resolution.Owner.Level);
        Assert.Equal(resolution.Place.ParentId, resolution.Owner.Id);
        Assert.Equal(
            ["Grid", "Community", "Street", "water", "District"],
            resolution.EscalationChain.Select(s => s.Unit is null ? s.Department.Code : s.Unit.Level.ToString()));
        Assert.Equal("魏都区", resolution.EscalationChain[^1].Unit.Name);
        Assert.Equal(24 * 3600, resolution.TimeLimitSeconds);
        Assert.True(resolution.TreeVersion > 0);
    }

    [Fact]
    public async Task The_owner_comes_with_the_people_holding_its_positions()
    {
        var resolution = await ResolveAsync(new ResolveRequest { HouseholdId = 1, Category = "elevator" });

        var leader = Assert.Single(resolution.People);
        Assert.Equal(PositionKind.BuildingLeader, leader.Kind);
        Assert.NotEqual(0, leader.Holder.MemberId);
    }

    [Fact]
    public async Task A_household_resolves_with_its_linked_party_member_masked_for_a_service()
    {
        var resolution = await ResolveAsync(new ResolveRequest { HouseholdId = 1, Category = "noise" });

        Assert.Equal(1, resolution.LinkedMember.MemberId);
        Assert.Contains("****", resolution.LinkedMember.Phone, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_community_resolves_by_its_real_nbs_code()
    {
        var resolution = await ResolveAsync(new ResolveRequest { UnitCode = "411002001001", Category = "illegal_construction" });

        Assert.Equal("411002001001", resolution.Owner.Code);
    }

    [Fact]
    public async Task No_place_is_an_invalid_argument_naming_household_id() =>
        await AssertStatusAsync(new ResolveRequest { Category = "sewage" }, StatusCode.InvalidArgument, "household_id");

    [Fact]
    public async Task Two_places_at_once_is_an_invalid_argument() =>
        await AssertStatusAsync(new ResolveRequest { HouseholdId = 1, UnitCode = "411002", Category = "sewage" }, StatusCode.InvalidArgument, "exactly one");

    [Fact]
    public async Task An_unknown_category_is_an_invalid_argument_naming_category() =>
        await AssertStatusAsync(new ResolveRequest { HouseholdId = 1, Category = "ufo" }, StatusCode.InvalidArgument, "category");

    [Fact]
    public async Task A_missing_category_is_an_invalid_argument_naming_category() =>
        await AssertStatusAsync(new ResolveRequest { HouseholdId = 1 }, StatusCode.InvalidArgument, "category");

    [Fact]
    public async Task An_unknown_household_is_not_found() =>
        await AssertStatusAsync(new ResolveRequest { HouseholdId = 99_999_999, Category = "sewage" }, StatusCode.NotFound, "household 99999999");

    [Fact]
    public async Task A_malformed_unit_code_is_an_invalid_argument_naming_unit_code() =>
        await AssertStatusAsync(new ResolveRequest { UnitCode = "4110", Category = "sewage" }, StatusCode.InvalidArgument, "unit_code");

    [Fact]
    public async Task A_negative_consistency_token_is_an_invalid_argument_naming_it() =>
        await AssertStatusAsync(new ResolveRequest { HouseholdId = 1, Category = "sewage", MinConsistencyToken = -1 }, StatusCode.InvalidArgument, "min_consistency_token");

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => weidu.Channel.Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = 1, Category = "sewage" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_is_unauthenticated()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => weidu.Channel.Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = 1, Category = "sewage" }, WeiduServer.As("forged")).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_batch_answers_every_item_in_order_and_reports_bad_items_on_their_own()
    {
        var batch = new ResolveBatchRequest();
        batch.Requests.Add(new ResolveRequest { HouseholdId = 1, Category = "sewage" });
        batch.Requests.Add(new ResolveRequest { HouseholdId = 99_999_999, Category = "sewage" });
        batch.Requests.Add(new ResolveRequest { HouseholdId = 2, Category = "ufo" });
        batch.Requests.Add(new ResolveRequest { HouseholdId = 3, Category = "garbage" });

        var response = await weidu.Channel.Responsibility().ResolveBatchAsync(batch, WeiduServer.As("service")).ResponseAsync;

        Assert.Equal([0, (int)StatusCode.NotFound, (int)StatusCode.InvalidArgument, 0], response.Results.Select(r => r.ErrorCode));
        Assert.Equal(OrgLevel.Grid, response.Results[3].Resolution.Owner.Level);
    }

    [Fact]
    public async Task A_batch_over_five_thousand_items_is_an_invalid_argument_naming_requests()
    {
        var batch = new ResolveBatchRequest();
        batch.Requests.AddRange(Enumerable.Range(0, 5_001).Select(_ => new ResolveRequest { HouseholdId = 1, Category = "sewage" }));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            weidu.Channel.Responsibility().ResolveBatchAsync(batch, WeiduServer.As("service")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("requests", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("service", CallerRole.Service, 0)]
    [InlineData("district-admin", CallerRole.Admin, 1)]
    public async Task Answers_assembled_from_cached_parts_equal_the_answers_built_whole_one_by_one_and_in_a_batch(
        string token, CallerRole role, long subject)
    {
        var requests = new[] { "garbage", "sewage", "noise", "elevator" }
            .SelectMany(category => new long[] { 1, 42, 777, 5_000 }.Select(h => new ResolveRequest { HouseholdId = h, Category = category }))
            .ToArray();
        var batch = new ResolveBatchRequest();
        batch.Requests.AddRange(requests);
        var service = weidu.Server.Services.GetRequiredService<Services.ResponsibilityService>();

        IEnumerable<Resolution> whole = requests.Select(r => service.Resolve(weidu.Server.State.Tree, r, new Caller(role, subject))).ToArray();
        var single = await Task.WhenAll(requests.Select(r =>
            weidu.Channel.Responsibility().ResolveAsync(r, WeiduServer.As(token)).ResponseAsync));
        var batched = await weidu.Channel.Responsibility().ResolveBatchAsync(batch, WeiduServer.As(token)).ResponseAsync;

        Assert.Equal(whole, single);
        Assert.Equal(whole, batched.Results.Select(r => r.Resolution));
        Assert.Equal(weidu.Server.State.Tree.Version, batched.TreeVersion);
    }

    [Fact]
    public async Task The_matrix_lists_its_categories_with_their_departments()
    {
        var response = await weidu.Channel.Responsibility().ListCategoriesAsync(new ListCategoriesRequest(), WeiduServer.As("service")).ResponseAsync;

        var sewage = Assert.Single(response.Categories, c => c.Code == "sewage");
        Assert.Equal("区水务局", sewage.Department.Name);
    }

    private Task<Resolution> ResolveAsync(ResolveRequest request) =>
        weidu.Channel.Responsibility().ResolveAsync(request, WeiduServer.As("service")).ResponseAsync;

    private async Task AssertStatusAsync(ResolveRequest request, StatusCode code, string detail)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => ResolveAsync(request));

        Assert.Equal(code, error.StatusCode);
        Assert.Contains(detail, error.Status.Detail, StringComparison.Ordinal);
    }
}
