using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests;

/// <summary>便民服务卡 for a real Tongzhou building: 悟仙观社区's first building group.</summary>
[Collection(TongzhouIssueServerCollection.Name)]
public sealed class ServiceCardTests(TongzhouIssueServer tongzhou)
{
    [Fact]
    public async Task A_households_card_names_its_building_leader_grid_chief_and_community_secretary_with_work_phones_and_renders()
    {
        var household = tongzhou.HouseholdIn("110112001006");
        var group = tongzhou.Server.State.Households.BuildingGroupOf(household);

        var card = await tongzhou.Channel.Directory().GetServiceCardAsync(new GetServiceCardRequest { HouseholdId = household }, WeiduServer.As("member-1"));

        var tree = tongzhou.Server.State.Tree;
        Assert.True(tree.TryIndexOf(group, out var index));
        var leader = tree.PositionsAt(index).Single(p => p.Kind == Domain.People.PositionKind.BuildingLeader);
        Assert.Equal(group, card.BuildingGroup.Id);
        Assert.Equal(["楼栋长", "网格长", "社区书记"], card.Contacts.Select(c => c.Role).Take(3));
        Assert.Equal((leader.HolderName, leader.HolderPhone), (card.Contacts[0].Holder.Name, card.Contacts[0].Holder.Phone));
        Assert.Equal("悟仙观社区居委会", card.Contacts.Single(c => c.Role == "社区书记").Unit.Name);
        Assert.Contains(card.Hotlines, h => h.Number == "12345");
        Assert.Equal($"hierarchy:service-card?building_group_code={card.BuildingGroup.Code}", card.QrPayload);
        Assert.Contains($"<td>{leader.HolderName}</td><td>{leader.HolderPhone}</td>", card.Html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", card.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", card.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_card_for_a_grid_is_an_invalid_argument_naming_the_field()
    {
        var grid = tongzhou.GridOf("110112001006");

        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Directory().GetServiceCardAsync(
            new GetServiceCardRequest { BuildingGroupId = grid }, WeiduServer.As("service")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("building_group_id", error.Status.Detail, StringComparison.Ordinal);
    }
}
