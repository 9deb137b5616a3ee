using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.Testing;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Organization;

/// <summary>三个一: a key compound answers to a county leader, a red-collar secretary and a county department, as Linyi assigns them.</summary>
public sealed class KeyCompoundPartnersTests(ShouguangServer shouguang) : IClassFixture<ShouguangServer>
{
    private readonly CallOptions _admin = WeiduServer.As("county-admin");

    private StatsService.StatsServiceClient Stats => shouguang.Channel.Stats();

    [Fact]
    public async Task A_key_compound_is_listed_with_its_leader_secretary_and_department()
    {
        var compound = shouguang.ChildrenOf(ShouguangSample.Xiangyang)[0];

        await Stats.AddKeyUnitAsync(new AddKeyUnitRequest
        {
            UnitId = compound.Id,
            ObservationDays = 90,
            RelapseThreshold = 2,
            Partners = new KeyUnitPartners
            {
                LeaderName = "刘副市长",
                LeaderPhone = "0536-5201001",
                SecretaryName = "陈红",
                SecretaryPhone = "0536-5201002",
                DepartmentCode = "housing",
            },
        }, _admin);

        var listed = Assert.Single((await Stats.ListKeyUnitsAsync(new ListKeyUnitsRequest { UnitCode = ShouguangSample.County }, _admin)).Units,
            u => u.Unit.Id == compound.Id);
        Assert.Equal(("刘副市长", "陈红", "housing"), (listed.Partners.LeaderName, listed.Partners.SecretaryName, listed.Partners.DepartmentCode));
        Assert.False(string.IsNullOrEmpty(listed.Partners.DepartmentName));
    }

    [Theory]
    [InlineData("刘副市长", "", "housing", "partners.leader_phone:")]
    [InlineData("", "", "no_such_bureau", "partners.department_code:")]
    public async Task Bad_partners_are_invalid_argument_naming_the_field_and_nothing_is_listed(string leader, string phone, string department, string says)
    {
        var compound = shouguang.ChildrenOf(ShouguangSample.Xueyuan)[0];

        var error = await Assert.ThrowsAsync<RpcException>(() => Stats.AddKeyUnitAsync(new AddKeyUnitRequest
        {
            UnitId = compound.Id,
            ObservationDays = 90,
            RelapseThreshold = 2,
            Partners = new KeyUnitPartners { LeaderName = leader, LeaderPhone = phone, DepartmentCode = department },
        }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(says, error.Status.Detail, StringComparison.Ordinal);
        var listed = await Stats.ListKeyUnitsAsync(new ListKeyUnitsRequest { UnitCode = ShouguangSample.County, IncludeCleared = true }, _admin);
        Assert.DoesNotContain(listed.Units, u => u.Unit.Id == compound.Id);
    }
}
