using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.Testing;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Organization;

/// <summary>双报到: units and in-service members register with a Shouguang community, which asks them to help with its issues.</summary>
public sealed class CoBuildingTests(ShouguangServer shouguang) : IClassFixture<ShouguangServer>
{
    private readonly CallOptions _admin = WeiduServer.As("county-admin");
    private readonly CallOptions _service = WeiduServer.As("service");

    private DirectoryService.DirectoryServiceClient Directory => shouguang.Channel.Directory();

    private IssueService.IssueServiceClient Issues => shouguang.Channel.Issues();

    [Fact]
    public async Task An_organisation_and_an_in_service_member_registered_with_a_community_are_listed_in_order()
    {
        var bank = await RegisterAsync(ShouguangSample.Xiangyang, CoBuildingKind.Organisation, "寿光农商银行圣城支行", "李主任", "0536-5212345");
        var member = await RegisterAsync(ShouguangSample.Xiangyang, CoBuildingKind.InServiceMember, "王海燕（市教育局）", "王海燕", "0536-5230001");

        var listed = await Directory.ListCoBuildingUnitsAsync(new ListCoBuildingUnitsRequest { CommunityCode = ShouguangSample.Xiangyang }, _service);

        Assert.Equal([bank.Id, member.Id], listed.Units.Where(u => u.Id == bank.Id || u.Id == member.Id).Select(u => u.Id));
        var first = listed.Units.Single(u => u.Id == bank.Id);
        Assert.Equal((CoBuildingKind.Organisation, "李主任", "0536-5212345", "admin:" + shouguang.Unit(ShouguangSample.County).Id, ShouguangSample.Xiangyang),
            (first.Kind, first.Contact, first.Phone, first.RegisteredBy, first.Community.Code));
    }

    [Fact]
    public async Task A_helper_of_the_issues_community_is_asked_to_help_and_the_log_shows_it()
    {
        var helper = await RegisterAsync(ShouguangSample.Xiangyang, CoBuildingKind.Organisation, "寿光市供电公司圣城供电所", "赵工", "0536-5219999");
        var issue = await AcceptedIssueAsync("co-building-helper", ShouguangSample.Xiangyang);

        var helped = (await Issues.AssignHelperAsync(new AssignHelperRequest { IssueId = issue.Id, HelperId = helper.Id, Note = "请协助检修小区路灯线路" }, _admin)).Issue;

        var log = (await Issues.GetIssueAsync(new GetIssueRequest { IssueId = helped.Id }, _service)).Issue;
        var assigned = Assert.Single(log.Events, e => e.Kind == IssueEventKind.EventHelperAssigned);
        Assert.Equal((helper.Id, "请协助检修小区路灯线路", issue.Status), (assigned.HelperId, assigned.Reason, helped.Status));
    }

    [Fact]
    public async Task A_helper_of_another_community_is_refused_and_the_log_is_unchanged()
    {
        var other = await RegisterAsync(ShouguangSample.Xueyuan, CoBuildingKind.Organisation, "寿光市第一中学", "孙老师", "0536-5211111");
        var issue = await AcceptedIssueAsync("co-building-elsewhere", ShouguangSample.Xiangyang);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Issues.AssignHelperAsync(new AssignHelperRequest { IssueId = issue.Id, HelperId = other.Id }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains($"registered with community {shouguang.Unit(ShouguangSample.Xueyuan).Id}", error.Status.Detail, StringComparison.Ordinal);
        var log = (await Issues.GetIssueAsync(new GetIssueRequest { IssueId = issue.Id }, _service)).Issue;
        Assert.Equal(issue.Version, log.Version);
    }

    [Fact]
    public async Task Another_communitys_admin_may_not_register_here_and_nothing_is_registered()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Directory.RegisterCoBuildingUnitAsync(new RegisterCoBuildingUnitRequest
        {
            CommunityCode = ShouguangSample.Xiangyang,
            Kind = CoBuildingKind.Organisation,
            Name = "越权登记的单位",
            Contact = "某人",
            Phone = "0536-5200000",
        }, WeiduServer.As("xueyuan-admin")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var listed = await Directory.ListCoBuildingUnitsAsync(new ListCoBuildingUnitsRequest { CommunityCode = ShouguangSample.Xiangyang }, _service);
        Assert.DoesNotContain(listed.Units, u => u.Name == "越权登记的单位");
    }

    [Theory]
    [InlineData("370783001046001", CoBuildingKind.Organisation, "某单位", "community_code:")]
    [InlineData(ShouguangSample.Xiangyang, (CoBuildingKind)9, "某单位", "kind:")]
    [InlineData(ShouguangSample.Xiangyang, CoBuildingKind.Organisation, " ", "name: is required")]
    public async Task A_bad_registration_is_invalid_argument_naming_the_field(string community, CoBuildingKind kind, string name, string says)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Directory.RegisterCoBuildingUnitAsync(new RegisterCoBuildingUnitRequest
        {
            CommunityCode = community,
            Kind = kind,
            Name = name,
            Contact = "某人",
            Phone = "0536-5200000",
        }, _admin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(says, error.Status.Detail, StringComparison.Ordinal);
    }

    private Task<V1.CoBuildingUnit> RegisterAsync(string community, CoBuildingKind kind, string name, string contact, string phone) =>
        Directory.RegisterCoBuildingUnitAsync(new RegisterCoBuildingUnitRequest { CommunityCode = community, Kind = kind, Name = name, Contact = contact, Phone = phone }, _admin)
            .ResponseAsync;

    private async Task<Issue> AcceptedIssueAsync(string requestId, string community)
    {
        var grid = shouguang.ChildrenOf(community)[0];
        var reported = (await Issues.ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = requestId,
            UnitId = grid.Id,
            Category = "garbage",
            Channel = IssueChannel.Hotline,
            Description = "小区路灯不亮，垃圾无人清运",
        }, _service)).Issue;
        return (await Issues.AcceptAsync(new IssueActionRequest { IssueId = reported.Id }, _service)).Issue;
    }
}
