using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Organization;

/// <summary>有事您找我 (Beiyuan) and Linyi's assessment: a property company in 新华街道 receives first, hands on, is evaluated, interviewed and replaced.</summary>
public sealed class PropertyCompanyTests(TongzhouOrganizationServer tongzhou) : IClassFixture<TongzhouOrganizationServer>
{
    private static readonly CallOptions Service = WeiduServer.As("service");
    private static readonly CallOptions CommunityAdmin = WeiduServer.As("xinhua-admin");

    private IssueService.IssueServiceClient Issues => tongzhou.Channel.Issues();

    private OrganizationService.OrganizationServiceClient Organizations => tongzhou.Channel.Organizations();

    [Fact]
    public async Task A_property_company_receives_first_hands_on_to_the_community_and_its_month_is_scored()
    {
        var compound = tongzhou.CompoundOf(TongzhouOrganizationServer.Xinhua, 0);
        var company = (await RegisterAsync(compound.Id, "京贸物业服务有限公司")).Organization;
        var staff = WeiduServer.As($"organization-{company.Id}");

        var resolved = await tongzhou.Channel.Responsibility().ResolveAsync(
            new ResolveRequest { HouseholdId = tongzhou.HouseholdUnder(compound), Category = "garbage" }, Service);
        Assert.Equal((company.Id, AttachedOrganizationKind.PropertyCompany), (resolved.OwnerOrganization.Id, resolved.OwnerOrganization.Kind));
        Assert.Equal(compound.Id, resolved.EscalationChain[1].Unit.Id);

        var notItsJob = await AcceptedAsync("property-story-1", compound, "居民楼前污水井盖破损");
        Assert.Equal((company.Id, "PropertyCompany"), (notItsJob.Owner.OrganizationId, notItsJob.Owner.Level));
        var handedOn = (await Issues.HandOnAsync(new HandBackRequest { IssueId = notItsJob.Id, Reason = "井盖属市政设施，非物业服务范围" }, staff)).Issue;
        Assert.Equal((compound.ParentId, "Community"), (handedOn.Owner.UnitId, handedOn.Owner.Level));
        Assert.Equal(company.Id, handedOn.FirstReceiver.OrganizationId);
        var log = await Issues.GetIssueAsync(new GetIssueRequest { IssueId = notItsJob.Id }, Service);
        Assert.Single(log.Issue.Events, e => e.Kind == IssueEventKind.EventHandedOn && e.Actor == $"organization:{company.Id}");

        var itsJob = await AcceptedAsync("property-story-2", compound, "楼道垃圾两天未清运");
        await Issues.StartWorkAsync(new IssueActionRequest { IssueId = itsJob.Id }, staff);
        await Issues.ResolveAsync(new ResolveIssueRequest { IssueId = itsJob.Id, Note = "已清运" }, staff);
        await Issues.RateAsync(new RateRequest { IssueId = itsJob.Id, Rating = Satisfaction.Satisfied }, Service);

        await Organizations.EvaluateOrganizationAsync(
            new EvaluateOrganizationRequest { OrganizationId = company.Id, UnitId = compound.Id, Month = "2026-11", Score = 80, Note = "保洁及时" }, CommunityAdmin);
        await Organizations.RecordInterviewAsync(new RecordInterviewRequest { OrganizationId = company.Id, Note = "约谈：井盖转交超时" }, CommunityAdmin);
        var report = await Organizations.GetOrganizationReportAsync(new GetOrganizationReportRequest { OrganizationId = company.Id, Month = "2026-11" }, staff);

        Assert.Equal((2, 1, 1, 1, 1), (report.Received, report.HandedOn, report.ResolvedItself, report.Rated, report.Satisfied));
        Assert.Equal((80.0, 0.3), (report.EvaluationMean, report.BranchWeight));
        Assert.Equal((true, 94.0), (report.Scored, report.Score));
        Assert.Equal([OrganizationRecordKind.Evaluation, OrganizationRecordKind.Interview], report.Records.Select(r => r.Kind));
    }

    [Fact]
    public async Task A_replaced_company_gives_way_to_its_successor_in_resolve_and_on_the_service_card()
    {
        var compound = tongzhou.CompoundOf(TongzhouOrganizationServer.Xinhua, 1);
        var company = (await RegisterAsync(compound.Id, "旧物业公司")).Organization;
        var replaced = await Organizations.ReplaceOrganizationAsync(new ReplaceOrganizationRequest
        {
            OrganizationId = company.Id,
            Name = "新物业公司",
            Contact = "李经理",
            Phone = "010-81500001",
            Note = "两次约谈未整改，业主大会决定更换",
        }, CommunityAdmin);

        var household = tongzhou.HouseholdUnder(compound);
        var resolved = await tongzhou.Channel.Responsibility().ResolveAsync(new ResolveRequest
        {
            HouseholdId = household,
            Category = "property_management",
            MinConsistencyToken = replaced.ConsistencyToken,
        }, Service);
        Assert.Equal((replaced.Organization.Id, "新物业公司"), (resolved.OwnerOrganization.Id, resolved.OwnerOrganization.Name));
        var card = await tongzhou.Channel.Directory().GetServiceCardAsync(new GetServiceCardRequest { HouseholdId = household }, Service);
        Assert.Equal(["新物业公司"], card.Organizations.Select(o => o.Name));
        Assert.Contains("李经理", card.Html, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            Organizations.GetOrganizationReportAsync(new GetOrganizationReportRequest { OrganizationId = company.Id, Month = "2026-11" }, CommunityAdmin).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_evaluation_over_100_is_invalid_argument_naming_score_and_nothing_is_recorded()
    {
        var compound = tongzhou.CompoundOf(TongzhouOrganizationServer.Xinhua, 2);
        var company = (await RegisterAsync(compound.Id, "评分物业")).Organization;
        var error = await Assert.ThrowsAsync<RpcException>(() => Organizations.EvaluateOrganizationAsync(
            new EvaluateOrganizationRequest { OrganizationId = company.Id, UnitId = compound.Id, Month = "2026-11", Score = 101 }, CommunityAdmin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("score: 101", error.Status.Detail, StringComparison.Ordinal);
        var report = await Organizations.GetOrganizationReportAsync(new GetOrganizationReportRequest { OrganizationId = company.Id, Month = "2026-11" }, CommunityAdmin);
        Assert.Empty(report.Records);
        Assert.False(report.Scored);
    }

    [Fact]
    public async Task A_department_cannot_hand_on_the_company_s_issue_and_it_stays_with_the_company()
    {
        var compound = tongzhou.CompoundOf(TongzhouOrganizationServer.Xinhua, 3);
        var company = (await RegisterAsync(compound.Id, "转交物业")).Organization;
        var issue = await AcceptedAsync("property-refused-1", compound, "垃圾桶满溢");
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Issues.HandOnAsync(new HandBackRequest { IssueId = issue.Id, Reason = "不归我管" }, WeiduServer.As("housing")).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        var after = await Issues.GetIssueAsync(new GetIssueRequest { IssueId = issue.Id }, Service);
        Assert.Equal((company.Id, issue.Version), (after.Issue.Owner.OrganizationId, after.Issue.Version));
    }

    [Fact]
    public async Task A_plan_that_retires_a_company_s_compound_warns_of_it()
    {
        var compound = tongzhou.CompoundOf(TongzhouOrganizationServer.Xinhua, 4);
        var company = (await RegisterAsync(compound.Id, "被合并小区物业")).Organization;
        var merge = new MergeGrids { TargetGridId = tongzhou.CompoundOf(TongzhouOrganizationServer.Xinhua, 5).Id, AllowCrossCommunity = true };
        merge.SourceGridIds.Add(compound.Id);

        var plan = await tongzhou.Channel.Admin().PlanReorganizationAsync(
            new PlanReorganizationRequest { Changes = { new ReorganizationChange { MergeGrids = merge } } }, CommunityAdmin);

        Assert.Contains(plan.Warnings, w => w.StartsWith($"PropertyCompany {company.Id} 被合并小区物业 serves {compound.Code}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_default_list_sends_an_elevator_fault_to_the_compound_s_property_company_first_though_it_names_other_categories()
    {
        var compound = tongzhou.CompoundOf(TongzhouOrganizationServer.Xinhua, 6);
        var company = (await RegisterAsync(compound.Id, "电梯小区物业")).Organization;

        var elevator = await tongzhou.Channel.Responsibility().ResolveAsync(
            new ResolveRequest { HouseholdId = tongzhou.HouseholdUnder(compound), Category = "elevator" }, Service);
        var categories = await tongzhou.Channel.Responsibility().ListCategoriesAsync(new ListCategoriesRequest(), Service);

        Assert.DoesNotContain("elevator", company.Categories);
        Assert.Equal(company.Id, elevator.OwnerOrganization.Id);
        Assert.Equal(AttachedOrganizationKind.PropertyCompany, categories.Categories.Single(c => c.Code == "elevator").FirstReceiver);
    }

    [Fact]
    public async Task A_company_watching_its_issues_sees_one_it_receives_first_and_none_of_its_neighbours()
    {
        var compound = tongzhou.CompoundOf(TongzhouOrganizationServer.Xinhua, 7);
        var company = (await RegisterAsync(compound.Id, "盯单物业")).Organization;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = Issues.WatchIssues(new WatchIssuesRequest { OrganizationId = company.Id },
            WeiduServer.As($"organization-{company.Id}").WithCancellationToken(deadline.Token));

        await AcceptedAsync("property-neighbour-1", tongzhou.CompoundOf(TongzhouOrganizationServer.Xinhua, 8), "邻居小区垃圾");
        var mine = await AcceptedAsync("property-watched-1", compound, "本小区垃圾");

        Assert.True(await watch.ResponseStream.MoveNext(deadline.Token));
        Assert.Equal((mine.Id, IssueEventKind.EventReported), (watch.ResponseStream.Current.Issue.Id, watch.ResponseStream.Current.Event.Kind));
    }

    private Task<OrganizationReply> RegisterAsync(long compound, string name)
    {
        var request = new RegisterOrganizationRequest
        {
            Kind = AttachedOrganizationKind.PropertyCompany,
            Name = name,
            Contact = "张经理",
            Phone = "010-81500000",
        };
        request.UnitIds.Add(compound);
        request.Categories.Add("garbage");
        request.Categories.Add("property_management");
        return Organizations.RegisterOrganizationAsync(request, CommunityAdmin).ResponseAsync;
    }

    private async Task<Issue> AcceptedAsync(string requestId, Domain.Organization.OrgUnit compound, string description)
    {
        var reported = (await Issues.ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = requestId,
            HouseholdId = tongzhou.HouseholdUnder(compound),
            Category = "garbage",
            Channel = IssueChannel.Hotline,
            Description = description,
        }, Service)).Issue;
        return (await Issues.AcceptAsync(new IssueActionRequest { IssueId = reported.Id }, Service)).Issue;
    }
}
