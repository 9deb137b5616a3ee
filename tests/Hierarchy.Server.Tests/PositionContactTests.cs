using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests;

/// <summary>A position is a public contact point with a work phone; the party member holding it keeps their own phone private.</summary>
[Collection(TongzhouIssueServerCollection.Name)]
public sealed class PositionContactTests(TongzhouIssueServer tongzhou)
{
    private readonly CallOptions _service = WeiduServer.As("service");

    [Fact]
    public async Task A_grid_chief_who_is_a_party_member_shows_the_grids_work_phone_and_never_the_members_own()
    {
        var household = tongzhou.HouseholdIn("110112001006");

        var resolution = await tongzhou.Channel.Responsibility().ResolveAsync(
            new ResolveRequest { HouseholdId = household, Category = "garbage" }, _service).ResponseAsync;

        var chief = Assert.Single(resolution.People, p => p.Kind == PositionKind.GridChief);
        var member = tongzhou.Server.State.Members.Get(chief.Holder.MemberId)!.Member;
        Assert.NotEqual(member.Phone, chief.Holder.Phone);
        Assert.Matches(@"^0\d{3}-\d{8}$", chief.Holder.Phone);
    }
}
