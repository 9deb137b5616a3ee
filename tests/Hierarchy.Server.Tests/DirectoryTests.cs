using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests;

[Collection(WeiduServerCollection.Name)]
public sealed class DirectoryTests(WeiduServer weidu)
{
    private readonly CallOptions _service = WeiduServer.As("service");

    [Fact]
    public async Task A_district_is_found_by_its_gb_t_2260_code()
    {
        var response = await weidu.Channel.Directory().GetUnitAsync(new GetUnitRequest { UnitCode = "411002" }, _service).ResponseAsync;

        Assert.Equal("魏都区", response.Unit.Name);
        Assert.Equal(15, response.Unit.ChildCount);
        Assert.Equal(PositionKind.PartySecretary, Assert.Single(response.Positions).Kind);
    }

    [Fact]
    public async Task Children_page_through_all_fifteen_streets_in_code_order()
    {
        var first = await weidu.Channel.Directory().ListChildrenAsync(new ListChildrenRequest { UnitCode = "411002", PageSize = 10 }, _service).ResponseAsync;
        var rest = await weidu.Channel.Directory().ListChildrenAsync(new ListChildrenRequest { UnitCode = "411002", PageSize = 10, PageToken = first.NextPageToken }, _service).ResponseAsync;

        var codes = first.Children.Concat(rest.Children).Select(c => c.Code).ToList();
        Assert.Equal(15, codes.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Empty(rest.NextPageToken);
    }

    [Fact]
    public async Task Ancestors_run_from_the_district_down_to_the_parent()
    {
        var community = await weidu.Channel.Directory().GetUnitAsync(new GetUnitRequest { UnitCode = "411002001001" }, _service).ResponseAsync;

        var response = await weidu.Channel.Directory().GetAncestorsAsync(new GetAncestorsRequest { UnitId = community.Unit.Id }, _service).ResponseAsync;

        Assert.Equal(["411002", "411002001"], response.Ancestors.Select(a => a.Code));
    }

    [Fact]
    public async Task Search_finds_communities_by_a_part_of_their_name_within_a_subtree()
    {
        var response = await weidu.Channel.Directory().SearchUnitsAsync(new SearchUnitsRequest { RootUnitCode = "411002", Query = "社区", Level = OrgLevel.Community, PageSize = 1000 }, _service).ResponseAsync;

        Assert.NotEmpty(response.Units);
        Assert.All(response.Units, u => Assert.Contains("社区", u.Name, StringComparison.Ordinal));
        Assert.All(response.Units, u => Assert.StartsWith("411002", u.Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_without_a_query_is_an_invalid_argument_naming_query()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => weidu.Channel.Directory().SearchUnitsAsync(new SearchUnitsRequest { RootUnitCode = "411002" }, _service).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("query", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_absent_code_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => weidu.Channel.Directory().GetUnitAsync(new GetUnitRequest { UnitCode = "110112121013" }, _service).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_garbage_page_token_is_an_invalid_argument_naming_page_token()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => weidu.Channel.Directory().ListChildrenAsync(new ListChildrenRequest { UnitCode = "411002", PageToken = "abc" }, _service).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("page_token", error.Status.Detail, StringComparison.Ordinal);
    }
}
