using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Responsibility;

/// <summary>The 职责清单 as admins edit it, on a server of its own: a changed list must not leak into other stories.</summary>
public sealed class ResponsibilityListTests(TongzhouIssueServer tongzhou) : IClassFixture<TongzhouIssueServer>
{
    private readonly CallOptions _admin = WeiduServer.As("district-admin");
    private readonly CallOptions _service = WeiduServer.As("service");

    [Fact]
    public async Task An_edited_list_routes_new_issues_differently_while_as_of_answers_with_the_old_list()
    {
        // The sample was imported at the real time; the story's clock starts after it.
        tongzhou.Clock.MoveTo(DateTimeOffset.UtcNow.AddMinutes(1));
        var before = tongzhou.Clock.GetUtcNow();
        tongzhou.Clock.Advance(TimeSpan.FromMinutes(1));
        var files = await tongzhou.Channel.Responsibility().ExportResponsibilityListAsync(new ExportResponsibilityListRequest(), _service);
        var edited = files.CategoriesCsv.Replace("sewage,污水外溢,Grid,Street,water,housing", "sewage,污水外溢,Community,Street,water,housing|urban_management", StringComparison.Ordinal);

        var plan = await tongzhou.Channel.Admin().PlanResponsibilityListAsync(
            new PlanResponsibilityListRequest { DepartmentsCsv = files.DepartmentsCsv, CategoriesCsv = edited }, _admin);
        var applied = await tongzhou.Channel.Admin().ApplyResponsibilityListAsync(new ApplyResponsibilityListRequest { PlanId = plan.PlanId }, _admin);

        var change = Assert.Single(plan.Differences);
        Assert.Equal(("category", "sewage", "changed"), (change.Subject, change.Code, change.Kind));
        Assert.Equal(["lowest_level: Grid → Community", "cooperating_departments: housing → housing|urban_management"], change.Changes);
        var household = tongzhou.HouseholdIn("110112001011");
        var issue = (await tongzhou.Channel.Issues().ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = "list-sewage",
            HouseholdId = household,
            Category = "sewage",
            Channel = IssueChannel.Hotline,
            Description = "污水井冒水",
        }, _service)).Issue;
        issue = (await tongzhou.Channel.Issues().AcceptAsync(new IssueActionRequest { IssueId = issue.Id }, _service)).Issue;
        Assert.Equal("Community", issue.Owner.Level);
        var then = await tongzhou.Channel.Responsibility().ListCategoriesAsync(new ListCategoriesRequest { AsOf = Timestamp.FromDateTimeOffset(before) }, _service);
        var now = await tongzhou.Channel.Responsibility().ListCategoriesAsync(new ListCategoriesRequest(), _service);
        Assert.Equal(OrgLevel.Grid, then.Categories.Single(c => c.Code == "sewage").LowestLevel);
        Assert.Equal(OrgLevel.Community, now.Categories.Single(c => c.Code == "sewage").LowestLevel);
        Assert.Equal(applied.ListVersion, now.ListVersion);
        Assert.True(then.ListVersion < now.ListVersion);
        var resolvedThen = await tongzhou.Channel.Responsibility().ResolveAsync(
            new ResolveRequest { HouseholdId = household, Category = "sewage", AsOf = Timestamp.FromDateTimeOffset(before) }, _service);
        Assert.Equal(OrgLevel.Grid, resolvedThen.Owner.Level);
        var history = await tongzhou.Channel.Admin().ListResponsibilityListVersionsAsync(new ListResponsibilityListVersionsRequest(), _admin);
        Assert.Equal((plan.PlanId, "admin:1"), (history.Versions[0].PlanId, history.Versions[0].ChangedBy));
        Assert.Contains("sewage", history.Versions[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_made_on_a_list_another_plan_changed_is_aborted_and_applying_twice_is_harmless()
    {
        var files = await tongzhou.Channel.Responsibility().ExportResponsibilityListAsync(new ExportResponsibilityListRequest(), _service);
        var first = await PlanAsync(files.DepartmentsCsv, files.CategoriesCsv.Replace("噪音扰民", "噪声扰民", StringComparison.Ordinal));
        var second = await PlanAsync(files.DepartmentsCsv, files.CategoriesCsv.Replace("停车秩序", "停车管理", StringComparison.Ordinal));

        var applied = await ApplyAsync(first.PlanId);
        var again = await ApplyAsync(first.PlanId);
        var error = await Assert.ThrowsAsync<RpcException>(() => ApplyAsync(second.PlanId));

        Assert.True(applied.AppliedNow);
        Assert.Equal((applied.ListVersion, false), (again.ListVersion, again.AppliedNow));
        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Contains("the responsibility list", error.Status.Detail, StringComparison.Ordinal);
        var now = await tongzhou.Channel.Responsibility().ListCategoriesAsync(new ListCategoriesRequest(), _service);
        Assert.Equal("停车秩序", now.Categories.Single(c => c.Code == "parking").Name);
    }

    [Theory]
    [InlineData("categories_csv", "water_supply,供水故障,Grid,", "water_supply,供水故障,Gird,", "categories_csv: line", "column lowest_level: 'Gird' is not")]
    [InlineData("categories_csv", "water_supply,供水故障,Grid,Street,water,", "water_supply,供水故障,Grid,Street,nowhere,", "department_code", "'nowhere'")]
    [InlineData("departments_csv", "code,name", "kode,name", "departments_csv: line 1 must be the header", "'kode,name'")]
    public async Task A_malformed_list_is_refused_naming_file_line_and_column_and_nothing_is_planned(
        string file, string find, string replacement, string start, string quoted)
    {
        var files = await tongzhou.Channel.Responsibility().ExportResponsibilityListAsync(new ExportResponsibilityListRequest(), _service);
        var (departments, categories) = file == "departments_csv"
            ? (files.DepartmentsCsv.Replace(find, replacement, StringComparison.Ordinal), files.CategoriesCsv)
            : (files.DepartmentsCsv, files.CategoriesCsv.Replace(find, replacement, StringComparison.Ordinal));
        Assert.NotEqual((files.DepartmentsCsv, files.CategoriesCsv), (departments, categories));
        var versions = await tongzhou.Channel.Admin().ListResponsibilityListVersionsAsync(new ListResponsibilityListVersionsRequest(), _admin);

        var error = await Assert.ThrowsAsync<RpcException>(() => PlanAsync(departments, categories));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(start, error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(quoted, error.Status.Detail, StringComparison.Ordinal);
        var after = await tongzhou.Channel.Admin().ListResponsibilityListVersionsAsync(new ListResponsibilityListVersionsRequest(), _admin);
        Assert.Equal(versions.Versions[0].ListVersion, after.Versions[0].ListVersion);
    }

    [Theory]
    [InlineData("service")]
    [InlineData("member-1")]
    public async Task Only_a_district_admin_may_plan_the_list(string token)
    {
        var files = await tongzhou.Channel.Responsibility().ExportResponsibilityListAsync(new ExportResponsibilityListRequest(), _service);

        var error = await Assert.ThrowsAsync<RpcException>(() => tongzhou.Channel.Admin().PlanResponsibilityListAsync(
            new PlanResponsibilityListRequest { DepartmentsCsv = files.DepartmentsCsv, CategoriesCsv = files.CategoriesCsv }, WeiduServer.As(token)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    private async Task<ResponsibilityListPlan> PlanAsync(string departments, string categories) =>
        await tongzhou.Channel.Admin().PlanResponsibilityListAsync(
            new PlanResponsibilityListRequest { DepartmentsCsv = departments, CategoriesCsv = categories }, _admin);

    private async Task<ApplyResponsibilityListResponse> ApplyAsync(long planId) =>
        await tongzhou.Channel.Admin().ApplyResponsibilityListAsync(new ApplyResponsibilityListRequest { PlanId = planId }, _admin);
}
