using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;
using Microsoft.Data.Sqlite;

namespace Hierarchy.Server.Tests;

/// <summary>联户覆盖率 of 梨花园社区, one of its members left with four households, against a count made straight from the SQLite file.</summary>
public sealed class LinkCoverageTests(TongzhouIssueServer tongzhou) : IClassFixture<TongzhouIssueServer>
{
    private const string Lihuayuan = "110112004012";
    private readonly CallOptions _admin = WeiduServer.As("district-admin");

    [Fact]
    public async Task A_communitys_coverage_matches_a_count_made_from_the_database()
    {
        var household = tongzhou.HouseholdIn(Lihuayuan);
        var member = tongzhou.Server.State.Households.MemberOf(household);
        var households = tongzhou.Server.State.Members.Get(member)!.Households;
        foreach (var linked in households.Take(households.Count - 4).ToArray())
        {
            await tongzhou.Channel.PartyMembers().UnlinkHouseholdAsync(new UnlinkHouseholdRequest { MemberId = member, HouseholdId = linked }, _admin);
        }

        var coverage = await tongzhou.Channel.Stats().GetLinkCoverageAsync(
            new GetLinkCoverageRequest { UnitCode = Lihuayuan, GridMinHouseholds = 150, GridMaxHouseholds = 200 }, _admin);

        var counted = await CountAsync(tongzhou.UnitId(Lihuayuan), 150, 200);
        var total = coverage.Total;
        Assert.Equal(counted, (total.Households, total.Linked, total.Members, total.MembersBelow, total.MembersAbove, total.Grids, total.GridsBelow, total.GridsAbove));
        Assert.True(total.MembersBelow >= 1, "the member left with four households is below the policy's five");
        Assert.Equal(total.Households - total.Linked, total.Unlinked);
        Assert.Equal(total.Households, coverage.Children.Sum(c => c.Households));
        Assert.StartsWith(LinkCoverageCsvHeader, coverage.Csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_may_not_read_coverage()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            tongzhou.Channel.Stats().GetLinkCoverageAsync(new GetLinkCoverageRequest { UnitCode = Lihuayuan }, WeiduServer.As("member-1")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    private const string LinkCoverageCsvHeader = "code,name,households,linked,unlinked,coverage,members,members_below,members_above,grids,grids_below,grids_above\n";

    private async Task<(long, long, int, int, int, int, int, int)> CountAsync(long community, int min, int max)
    {
        await using var connection = new SqliteConnection(tongzhou.Storage.ConnectionString);
        await connection.OpenAsync();
        async Task<long> ScalarAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql.Replace("@c", community.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        const string Grids = "SELECT id FROM org_units WHERE parent_id = @c AND retired_at IS NULL";
        const string Groups = $"SELECT id FROM org_units WHERE parent_id IN ({Grids}) AND retired_at IS NULL";
        const string Units = $"SELECT @c UNION SELECT id FROM ({Grids}) UNION SELECT id FROM ({Groups})";
        const string Links = $"SELECT m.id, (SELECT COUNT(*) FROM member_households l WHERE l.member_id = m.id) n FROM party_members m WHERE m.unit_id IN ({Units})";
        const string Sizes = $"SELECT g.id, (SELECT COUNT(*) FROM households h JOIN org_units b ON b.id = h.building_group_id WHERE b.parent_id = g.id) n FROM org_units g WHERE g.id IN ({Grids})";
        return (
            await ScalarAsync($"SELECT COUNT(*) FROM households WHERE building_group_id IN ({Groups})"),
            await ScalarAsync($"SELECT COUNT(*) FROM households h JOIN member_households l ON l.household_id = h.id WHERE h.building_group_id IN ({Groups})"),
            (int)await ScalarAsync($"SELECT COUNT(*) FROM ({Links})"),
            (int)await ScalarAsync($"SELECT COUNT(*) FROM ({Links}) WHERE n < 5"),
            (int)await ScalarAsync($"SELECT COUNT(*) FROM ({Links}) WHERE n > 10"),
            (int)await ScalarAsync($"SELECT COUNT(*) FROM ({Grids})"),
            (int)await ScalarAsync($"SELECT COUNT(*) FROM ({Sizes}) WHERE n < {min}"),
            (int)await ScalarAsync($"SELECT COUNT(*) FROM ({Sizes}) WHERE n > {max}"));
    }
}
