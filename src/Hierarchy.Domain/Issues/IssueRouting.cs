using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Domain.Issues;

/// <summary>Turns a resolution into the facts of a new issue: its place, the subtrees it counts in, and its escalation chain.</summary>
public static class IssueRouting
{
    /// <summary>Builds the facts of an issue reported at the resolution's place.</summary>
    public static IssueFacts Facts(
        OrgTreeSnapshot tree, Resolution resolution, long id, string requestId, IssueChannel channel, string description, long? householdId)
    {
        var place = tree.UnitAt(resolution.ReportedIndex);
        var path = tree.AncestorsOf(resolution.ReportedIndex).Reverse().Select(i => tree.UnitAt(i).Id).Append(place.Id).ToArray();
        var chain = resolution.Chain.Select(step => step.Department is { } department
                ? new ChainLink(IssueOwner.Department(department.Code), "Department", step.TimeLimit)
                : new ChainLink(IssueOwner.Unit(tree.UnitAt(step.UnitIndex).Id), step.Level!.Value.ToString(), step.TimeLimit))
            .ToArray();
        return new IssueFacts(id, requestId, resolution.Rule.Category, channel, description, householdId, place.Id, path, chain);
    }
}
