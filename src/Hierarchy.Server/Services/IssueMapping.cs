using Google.Protobuf.WellKnownTypes;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Server.Services;

/// <summary>Turns issues and their events into hierarchy.v1 messages, naming owners from the current tree.</summary>
internal static class IssueMapping
{
    public static V1.Issue Issue(OrgTreeSnapshot tree, Issue issue, bool withEvents)
    {
        var message = new V1.Issue
        {
            Id = issue.Id,
            RequestId = IdempotencyKey.RequestIdOf(issue.Facts.RequestId),
            Category = issue.Facts.Category,
            Channel = (V1.IssueChannel)issue.Facts.Channel,
            Description = issue.Facts.Description,
            HouseholdId = issue.Facts.HouseholdId ?? 0,
            PlaceUnitId = issue.Facts.PlaceUnitId,
            Status = (V1.IssueStatus)issue.Status,
            Owner = issue.Owner.IsNone ? null : Owner(tree, issue.Owner, issue.Facts.Chain[issue.ChainStep].Level),
            FirstReceiver = Owner(tree, issue.FirstReceiver, issue.Facts.Chain[0].Level),
            ChainStep = issue.ChainStep,
            DueAt = Time(issue.DueAt),
            ReportedAt = Timestamp.FromDateTimeOffset(issue.ReportedAt),
            ResolvedAt = Time(issue.ResolvedAt),
            Rating = (V1.Satisfaction)(issue.Rating ?? 0),
            ReopenCount = issue.ReopenCount,
            EscalationCount = issue.EscalationCount,
            Version = issue.Version,
        };
        message.EscalationChain.AddRange(issue.Facts.Chain.Select(link => Owner(tree, link.Owner, link.Level)));
        if (withEvents)
        {
            message.Events.AddRange(issue.Events.Select(e => Event(tree, issue, e)));
        }

        return message;
    }

    public static V1.IssueEvent Event(OrgTreeSnapshot tree, Issue issue, IssueEvent e) => new()
    {
        Position = e.Position,
        Kind = (V1.IssueEventKind)e.Kind,
        At = Timestamp.FromDateTimeOffset(e.At),
        Actor = e.Actor,
        From = (V1.IssueStatus)(e.From ?? 0),
        To = (V1.IssueStatus)e.To,
        Owner = e.Owner.IsNone ? null : Owner(tree, e.Owner, issue.Facts.Chain[e.ChainStep].Level),
        DueAt = Time(e.DueAt),
        Reason = e.Reason,
        Rating = (V1.Satisfaction)(e.Rating ?? 0),
    };

    private static V1.IssueOwner Owner(OrgTreeSnapshot tree, IssueOwner owner, string level)
    {
        var message = new V1.IssueOwner { Level = level };
        if (owner.UnitId is { } id)
        {
            message.UnitId = id;
            message.Name = tree.TryIndexOf(id, out var index) ? tree.UnitAt(index).Name : string.Empty;
        }
        else
        {
            message.DepartmentCode = owner.DepartmentCode!;
            message.Name = tree.Matrix.Departments.FirstOrDefault(d => d.Code == owner.DepartmentCode)?.Name ?? string.Empty;
        }

        return message;
    }

    private static Timestamp? Time(DateTimeOffset? time) => time is { } t ? Timestamp.FromDateTimeOffset(t) : null;
}
