using Google.Protobuf.WellKnownTypes;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;

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
            Owner = issue.Owner.IsNone ? null : Owner(tree, issue.Owner, issue.Route[issue.ChainStep].Level),
            FirstReceiver = Owner(tree, issue.FirstReceiver, issue.Facts.Chain[0].Level),
            ChainStep = issue.ChainStep,
            DueAt = Time(issue.DueAt),
            ReportedAt = Timestamp.FromDateTimeOffset(issue.ReportedAt),
            ResolvedAt = Time(issue.ResolvedAt),
            Rating = (V1.Satisfaction)(issue.Rating ?? 0),
            ReopenCount = issue.ReopenCount,
            EscalationCount = issue.EscalationCount,
            Version = issue.Version,
            ReplyDueAt = Timestamp.FromDateTimeOffset(issue.ReplyDueAt),
            RepliedAt = Time(issue.RepliedAt),
            ExplainBy = Timestamp.FromDateTimeOffset(issue.ExplainBy),
            ExplainedAt = Time(issue.ExplainedAt),
        };
        message.EscalationChain.AddRange(issue.Route.Select(link => Owner(tree, link.Owner, link.Level)));
        message.Summons.AddRange(issue.Summons.Select(s => new V1.Summons
        {
            DepartmentCode = s.DepartmentCode,
            DepartmentName = DepartmentName(tree, s.DepartmentCode),
            Lead = s.Lead,
            SummonedAt = Timestamp.FromDateTimeOffset(s.SummonedAt),
            DueAt = Timestamp.FromDateTimeOffset(s.DueAt),
            CheckedInAt = Time(s.CheckedInAt),
        }));
        if (withEvents)
        {
            message.Events.AddRange(issue.Events.Select(e => Event(tree, issue, e)));
        }

        return message;
    }

    public static V1.IssueEvent Event(OrgTreeSnapshot tree, Issue issue, IssueEvent e)
    {
        var message = new V1.IssueEvent
        {
            Position = e.Position,
            Kind = (V1.IssueEventKind)e.Kind,
            At = Timestamp.FromDateTimeOffset(e.At),
            Actor = e.Actor,
            From = (V1.IssueStatus)(e.From ?? 0),
            To = (V1.IssueStatus)e.To,
            Owner = e.Owner.IsNone ? null : Owner(tree, e.Owner, LevelOf(tree, issue, e.Owner)),
            DueAt = Time(e.DueAt),
            Reason = e.Reason,
            Rating = (V1.Satisfaction)(e.Rating ?? 0),
            ReportBy = Time(e.ReportBy),
            Category = e.Category ?? string.Empty,
            HelperId = e.HelperId ?? 0,
        };
        message.Departments.AddRange(e.Departments);
        return message;
    }

    /// <summary>Maps an owner named outside any issue's chain (a supervision order's target), its level read from the tree.</summary>
    public static V1.IssueOwner Owner(OrgTreeSnapshot tree, IssueOwner owner) => Owner(tree, owner, LevelOf(tree, null, owner));

    // An event's chain step counts in the chain in force then, which a later transfer may have replaced: the owner tells its level.
    private static string LevelOf(OrgTreeSnapshot tree, Issue? issue, IssueOwner owner) =>
        owner.IsCentre ? DispatchCentre.Level
        : owner.DepartmentCode is not null ? "Department"
        : owner.OrganizationId is { } organization ? issue?.Facts.Chain.Concat(issue.Route).FirstOrDefault(link => link.Owner == owner)?.Level
            ?? tree.OrganizationById(organization)?.StepName ?? "Organization"
        : tree.TryIndexOf(owner.UnitId!.Value, out var index) ? tree.LevelOf(index).ToString()
        : issue?.Facts.Chain.Concat(issue.Route).FirstOrDefault(link => link.Owner == owner)?.Level ?? "Unit";

    private static string DepartmentName(OrgTreeSnapshot tree, string code) =>
        code == DispatchCentre.Code ? DispatchCentre.Name : tree.Matrix.Departments.FirstOrDefault(d => d.Code == code)?.Name ?? string.Empty;

    private static V1.IssueOwner Owner(OrgTreeSnapshot tree, IssueOwner owner, string level)
    {
        var message = new V1.IssueOwner { Level = level };
        if (owner.UnitId is { } id)
        {
            message.UnitId = id;
            message.Name = tree.TryIndexOf(id, out var index) ? tree.UnitAt(index).Name : string.Empty;
        }
        else if (owner.OrganizationId is { } organization)
        {
            // A replaced company is no longer in force: its issues still name it by id.
            message.OrganizationId = organization;
            message.Name = tree.OrganizationById(organization)?.Name ?? string.Empty;
        }
        else
        {
            message.DepartmentCode = owner.DepartmentCode!;
            message.Name = DepartmentName(tree, owner.DepartmentCode!);
        }

        return message;
    }

    private static Timestamp? Time(DateTimeOffset? time) => time is { } t ? Timestamp.FromDateTimeOffset(t) : null;
}
