using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Domain.Tests;

public sealed class ResponsibilityListCsvTests
{
    private const string Departments = "code,name\nurban_management,区城市管理委员会\nhousing,\"区住房和城乡建设委员会,住建\"\n";

    private const string Categories =
        ResponsibilityListCsv.CategoriesHeader + "\n" +
        "公共事,garbage,垃圾清运,Grid,Street,urban_management,housing,12,24,72,120,168,120,24,\n" +
        "楼院事,elevator,\"电梯故障 \"\"困人\"\"\",BuildingGroup,Community,housing,,1.5,24,72,120,168,96,12,PropertyCompany\n";

    [Fact]
    public void A_list_written_out_reads_back_the_same()
    {
        var list = ResponsibilityListCsv.Parse(Departments, Categories);

        var again = ResponsibilityListCsv.Parse(ResponsibilityListCsv.FormatDepartments(list), ResponsibilityListCsv.FormatCategories(list));

        Assert.Empty(ResponsibilityListDiff.Between(list, again));
        var elevator = again.RuleFor("elevator");
        Assert.Equal("电梯故障 \"困人\"", elevator.Name);
        Assert.Equal(TimeSpan.FromMinutes(90), elevator.TimeLimitAt(OrgLevel.BuildingGroup));
        Assert.Equal(TimeSpan.FromHours(12), elevator.ReplyDeadline);
        Assert.Equal(["housing"], again.RuleFor("garbage").CooperatingDepartments);
        Assert.Equal("区住房和城乡建设委员会,住建", again.Department("housing").Name);
        Assert.Equal((AttachedOrganizationKind.PropertyCompany, null), (elevator.FirstReceiver, again.RuleFor("garbage").FirstReceiver));
    }

    [Fact]
    public void A_file_exported_before_first_receivers_were_a_column_reads_with_none()
    {
        var older = Categories.Replace(",first_receiver\n", "\n", StringComparison.Ordinal)
            .Replace(",24,\n", ",24\n", StringComparison.Ordinal).Replace(",12,PropertyCompany\n", ",12\n", StringComparison.Ordinal);

        var list = ResponsibilityListCsv.Parse(Departments, older);

        Assert.All(list.Rules, rule => Assert.Null(rule.FirstReceiver));
    }

    [Fact]
    public void A_lead_department_named_as_co_operating_too_is_refused()
    {
        var categories = Categories.Replace("urban_management,housing,12", "urban_management,urban_management,12", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidFieldException>(() => ResponsibilityListCsv.Parse(Departments, categories));

        Assert.Equal("cooperating_departments", error.Field);
    }

    [Fact]
    public void A_department_may_not_take_the_dispatch_centres_code()
    {
        var error = Assert.Throws<InvalidFieldException>(() => ResponsibilityListCsv.Parse(Departments + "dispatch_centre,调度中心\n", Categories));

        Assert.Contains("dispatch centre", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("24,72,120,168,120,24,\n", "24,72,120,168,120,0,\n", "column reply_hours")]
    [InlineData("housing,,1.5,", "housing,,-1,", "column building_group_hours")]
    [InlineData("楼院事,elevator", "楼院事,elevator,extra", "has 16 fields, not 15")]
    [InlineData("12,PropertyCompany", "12,Zone", "column first_receiver: 'Zone' is not")]
    public void A_bad_cell_is_named_by_line_and_column(string find, string replacement, string problem)
    {
        var error = Assert.Throws<InvalidFieldException>(() =>
            ResponsibilityListCsv.Parse(Departments, Categories.Replace(find, replacement, StringComparison.Ordinal)));

        Assert.StartsWith("categories_csv: line ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
