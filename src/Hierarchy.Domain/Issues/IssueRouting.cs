using Hierarchy.Domain.Organization;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Domain.Issues;

/// <summary>Turns a resolution into the facts of a new issue (its place, the subtrees it counts in, its chain), and a dispatcher's choice into a chain.</summary>
public static class IssueRouting
{
    /// <summary>Builds the facts of an issue reported at the resolution's place.</summary>
    public static IssueFacts Facts(
        OrgTreeSnapshot tree, Resolution resolution, long id, string requestId, IssueChannel channel, string description, long? householdId) =>
        new(id, requestId, resolution.Rule.Category, channel, description, householdId, tree.UnitAt(resolution.ReportedIndex).Id,
            PathOf(tree, resolution.ReportedIndex), Links(tree, resolution.Chain), resolution.Rule.ReplyDeadline);

    /// <summary>Builds the facts of an issue no category gives an owner to: the dispatch centre receives it first.</summary>
    public static IssueFacts ForCentre(
        OrgTreeSnapshot tree, int placeIndex, long id, string requestId, IssueChannel channel, string description, long? householdId) =>
        new(id, requestId, string.Empty, channel, description, householdId, tree.UnitAt(placeIndex).Id, PathOf(tree, placeIndex),
            [new ChainLink(IssueOwner.Centre, DispatchCentre.Level, DispatchCentre.ConfirmWithin)], DispatchCentre.ReplyDeadline);

    /// <summary>Gets the chain a unit a dispatcher transfers an issue to starts: that unit up to the category's ceiling, its department, the district.</summary>
    public static IReadOnlyList<ChainLink> RouteFrom(OrgTreeSnapshot tree, int unitIndex, string category) =>
        Links(tree, ResponsibilityResolver.ChainFrom(tree, unitIndex, category));

    /// <summary>Gets the chain of an issue transferred to a department: the department, then the issue's district coordinates.</summary>
    public static IReadOnlyList<ChainLink> RouteToDepartment(ResponsibilityMatrix list, Department department, string category, long districtId)
    {
        var rule = list.RuleFor(category);
        return
        [
            new ChainLink(IssueOwner.Department(department.Code), "Department", rule.DepartmentTimeLimit),
            new ChainLink(IssueOwner.Unit(districtId), nameof(OrgLevel.District), rule.TimeLimitAt(OrgLevel.District)),
        ];
    }

    private static long[] PathOf(OrgTreeSnapshot tree, int index) =>
        [.. tree.AncestorsOf(index).Reverse().Select(i => tree.UnitAt(i).Id), tree.UnitAt(index).Id];

    private static ChainLink[] Links(OrgTreeSnapshot tree, IReadOnlyList<EscalationStep> chain) =>
        [.. chain.Select(step => step switch
        {
            { Organization: { } organization } => new ChainLink(IssueOwner.Organization(organization.Id), organization.StepName, step.TimeLimit),
            { Department: { } department } => new ChainLink(IssueOwner.Department(department.Code), "Department", step.TimeLimit),
            _ => new ChainLink(IssueOwner.Unit(tree.UnitAt(step.UnitIndex).Id), step.Level!.Value.ToString(), step.TimeLimit),
        })];
}
