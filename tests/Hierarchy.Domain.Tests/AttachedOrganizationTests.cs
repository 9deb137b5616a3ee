using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Domain.Tests;

/// <summary>Zones and first receivers on the 通州 slice: who comes first, what the chain climbs to, and what cannot be attached.</summary>
public sealed class AttachedOrganizationTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly AttachedOrganization Company = new(
        1, AttachedOrganizationKind.PropertyCompany, "群芳园物业", TongzhouTree.Tongzhou, [TongzhouTree.QunfangyuanGrid1], ["sewage"], "张经理", "010-81500000");

    private static readonly AttachedOrganization Zone = new(
        2, AttachedOrganizationKind.Zone, "梨园北片区", TongzhouTree.Tongzhou, [TongzhouTree.Qunfangyuan], ["sewage", "elevator"], "王片长", "010-81500001");

    [Fact]
    public void A_property_company_receives_sewage_first_in_its_compound_then_the_grid_takes_over()
    {
        var tree = Tree(Company);

        var resolution = Resolve(tree, TongzhouTree.Building1, "sewage");

        Assert.Same(Company, resolution.OwnerOrganization);
        Assert.Equal(["群芳园物业", "群芳园社区第1网格党支部", "群芳园社区居委会", "梨园镇", "区水务局", "通州区"], Names(tree, resolution));
        Assert.Null(Resolve(tree, TongzhouTree.Building2, "sewage").OwnerOrganization);
    }

    [Fact]
    public void A_company_receives_first_what_the_list_names_its_kind_for_though_it_names_other_categories()
    {
        var list = new ResponsibilityMatrix(
            [.. TongzhouTree.Matrix.Rules.Select(r => r.Category == "elevator" ? WithFirstReceiver(r, AttachedOrganizationKind.PropertyCompany) : r)],
            [.. TongzhouTree.Matrix.Departments]);
        var tree = OrgTreeSnapshot.Build(1, TongzhouTree.Units, TongzhouTree.StaffedPositions, list, [Company]);

        Assert.Same(Company, Resolve(tree, TongzhouTree.Building1, "elevator").OwnerOrganization);
        Assert.Null(Resolve(tree, TongzhouTree.Building1, "heating").OwnerOrganization);
        Assert.Null(Resolve(tree, TongzhouTree.Building2, "elevator").OwnerOrganization);
    }

    [Fact]
    public void A_zone_stands_in_the_community_s_step_up_to_a_community_ceiling()
    {
        var tree = Tree(Zone);

        var elevator = Resolve(tree, TongzhouTree.Building2, "elevator");

        Assert.Same(Zone, elevator.OwnerOrganization);
        Assert.Equal(["梨园北片区", "区住房和城乡建设委员会", "通州区"], Names(tree, elevator));
        Assert.Equal(TongzhouTree.Qunfangyuan, tree.UnitAt(elevator.OwnerIndex).Id);
    }

    [Fact]
    public void A_company_comes_before_the_zone_that_owns_the_same_category()
    {
        var tree = Tree(Company, Zone);

        var resolution = Resolve(tree, TongzhouTree.Building1, "sewage");

        Assert.Equal(["群芳园物业", "梨园北片区", "梨园镇", "区水务局", "通州区"], Names(tree, resolution));
    }

    [Fact]
    public void Only_a_first_receiver_hands_an_issue_on_and_the_route_the_community_starts_replaces_the_chain()
    {
        var tree = Tree(Company);
        var issue = Accepted(tree, TongzhouTree.Building1, "sewage");
        Assert.Equal(IssueOwner.Organization(Company.Id), issue.Owner);
        Assert.True(tree.TryIndexOf(TongzhouTree.Qunfangyuan, out var community));

        issue.Apply(issue.HandOn(Morning, "organization:1", IssueRouting.RouteFrom(tree, community, "sewage"), "井盖属市政设施"));

        Assert.Equal((IssueOwner.Unit(TongzhouTree.Qunfangyuan), IssueOwner.Organization(Company.Id)), (issue.Owner, issue.FirstReceiver));
        Assert.Throws<RuleViolationException>(() => issue.HandOn(Morning, "admin:10", IssueRouting.RouteFrom(tree, community, "sewage"), "再转"));
    }

    [Fact]
    public void A_zone_over_a_grid_is_invalid_naming_unit_ids()
    {
        var error = Assert.Throws<InvalidFieldException>(() => Check(Zone with { UnitIds = [TongzhouTree.QunfangyuanGrid1] }));

        Assert.Equal("unit_ids", error.Field);
    }

    [Fact]
    public void A_second_company_at_a_compound_is_refused_but_a_committee_receiving_other_categories_is_not()
    {
        var second = Company with { Id = 3, Name = "另一物业" };
        var committee = Company with { Id = 4, Kind = AttachedOrganizationKind.OwnersCommittee, Name = "业委会", Categories = ["elevator"] };

        Assert.Throws<RuleViolationException>(() => Check(second, Company));
        Check(committee, Company);
        Assert.Throws<RuleViolationException>(() => Check(committee with { Categories = ["sewage"] }, Company));
    }

    [Fact]
    public void A_zone_for_a_category_handled_above_the_community_is_invalid_naming_categories()
    {
        var list = new ResponsibilityMatrix(
            [.. TongzhouTree.Matrix.Rules, new ResponsibilityRule("flooding", "积水", OrgLevel.Street, OrgLevel.District, "water", new Dictionary<OrgLevel, TimeSpan>(), TimeSpan.FromDays(1))],
            [.. TongzhouTree.Matrix.Departments]);
        var tree = OrgTreeSnapshot.Build(1, TongzhouTree.Units, TongzhouTree.StaffedPositions, list);

        var error = Assert.Throws<InvalidFieldException>(() => AttachedOrganizationRules.Check(tree, [], Zone with { Categories = ["flooding"] }));

        Assert.Equal("categories", error.Field);
    }

    private static ResponsibilityRule WithFirstReceiver(ResponsibilityRule rule, AttachedOrganizationKind kind) => new(
        rule.Category, rule.Name, rule.LowestLevel, rule.CeilingLevel, rule.DepartmentCode, rule.TimeLimits, rule.DepartmentTimeLimit, rule.ClassName,
        rule.CooperatingDepartments, rule.ReplyDeadline)
    {
        FirstReceiver = kind,
    };

    private static OrgTreeSnapshot Tree(params AttachedOrganization[] organizations) =>
        OrgTreeSnapshot.Build(1, TongzhouTree.Units, TongzhouTree.StaffedPositions, TongzhouTree.Matrix, organizations);

    private static void Check(AttachedOrganization candidate, params AttachedOrganization[] inForce) =>
        AttachedOrganizationRules.Check(Tree(inForce), inForce, candidate);

    private static Resolution Resolve(OrgTreeSnapshot tree, long unitId, string category)
    {
        Assert.True(tree.TryIndexOf(unitId, out var index));
        return ResponsibilityResolver.Resolve(tree, index, category);
    }

    private static string[] Names(OrgTreeSnapshot tree, Resolution resolution) =>
        [.. resolution.Chain.Select(s => s.Organization?.Name ?? s.Department?.Name ?? tree.UnitAt(s.UnitIndex).Name)];

    private static Issue Accepted(OrgTreeSnapshot tree, long unitId, string category)
    {
        Assert.True(tree.TryIndexOf(unitId, out var place));
        var facts = IssueRouting.Facts(tree, ResponsibilityResolver.Resolve(tree, place, category), 42, "r-42", IssueChannel.Hotline, "井盖破损", 7);
        var issue = Issue.Fold(facts, [Issue.Report(Morning, "service")]);
        foreach (var e in issue.Accept(Morning, "service"))
        {
            issue.Apply(e);
        }

        return issue;
    }
}
