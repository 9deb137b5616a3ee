using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.Issues;

/// <summary>
/// 诉求/工单: one citizen's problem and its closed loop. The state is the fold of the event log; every guarded method
/// returns the events it would add and changes nothing, so the caller stores them first and folds them in after.
/// </summary>
public sealed class Issue
{
    private readonly List<IssueEvent> _events = [];
    private List<Summons> _summons = [];
    private IReadOnlyList<ChainLink>? _route;
    private long _version;

    private Issue(IssueFacts facts)
    {
        Facts = facts;
    }

    /// <summary>Gets what was fixed at report time; a transfer may confirm another category.</summary>
    public IssueFacts Facts { get; private set; }

    /// <summary>Gets the issue id.</summary>
    public long Id => Facts.Id;

    /// <summary>Gets the status.</summary>
    public IssueStatus Status { get; private set; }

    /// <summary>Gets the owner's step in the chain.</summary>
    public int ChainStep { get; private set; }

    /// <summary>Gets the current owner; nobody before dispatch.</summary>
    public IssueOwner Owner { get; private set; }

    /// <summary>Gets the owner's deadline; null when no deadline runs.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>Gets when it was reported.</summary>
    public DateTimeOffset ReportedAt { get; private set; }

    /// <summary>Gets when it was last resolved.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>Gets the last rating.</summary>
    public Satisfaction? Rating { get; private set; }

    /// <summary>Gets how often it was reopened.</summary>
    public int ReopenCount { get; private set; }

    /// <summary>Gets how often it escalated.</summary>
    public int EscalationCount { get; private set; }

    /// <summary>Gets the version: the number of events in the whole log.</summary>
    public long Version => _version;

    /// <summary>Gets the events folded into this instance: the whole log, or those since a restored snapshot.</summary>
    public IReadOnlyList<IssueEvent> Events => _events;

    /// <summary>Gets the first receiver, who stays accountable (首接负责制): the first owner of the chain it was reported with.</summary>
    public IssueOwner FirstReceiver => Facts.Chain[0].Owner;

    /// <summary>Gets the escalation chain in force: the reported one, or the one a transfer or hand-back set.</summary>
    public IReadOnlyList<ChainLink> Route => _route ?? Facts.Chain;

    /// <summary>Gets the chain a transfer or hand-back put in force; null while the reported chain holds.</summary>
    public IReadOnlyList<ChainLink>? ChangedRoute => _route;

    /// <summary>Gets when the citizen first had a reply; null until then.</summary>
    public DateTimeOffset? RepliedAt { get; private set; }

    /// <summary>Gets when the citizen first had an explanation; null until then.</summary>
    public DateTimeOffset? ExplainedAt { get; private set; }

    /// <summary>Gets how many of its whistles a district ruled improper.</summary>
    public int ImproperWhistles { get; private set; }

    /// <summary>Gets the departments whistles called to it, oldest first.</summary>
    public IReadOnlyList<Summons> Summons => _summons;

    /// <summary>Gets by when the citizen must have a reply.</summary>
    public DateTimeOffset ReplyDueAt => ReportedAt + Facts.ReplyWithin;

    /// <summary>Gets by when an issue not solved the same day must have been explained to the citizen: the end of the report's day.</summary>
    public DateTimeOffset ExplainBy => CitizenDay.EndOf(ReportedAt);

    /// <summary>Tells whether the reply is overdue: none by its deadline, or one after it.</summary>
    public bool IsReplyOverdue(DateTimeOffset now) => RepliedAt is { } at ? at > ReplyDueAt : now > ReplyDueAt;

    /// <summary>Tells whether the issue was not solved the same day and the citizen had no explanation that day.</summary>
    public bool IsExplanationMissing(DateTimeOffset now) =>
        now > ExplainBy && !(ResolvedAt <= ExplainBy) && !((ExplainedAt ?? RepliedAt) <= ExplainBy);

    /// <summary>Gets whether the issue still needs work.</summary>
    public bool IsOpen => Status is not (IssueStatus.Resolved or IssueStatus.Closed);

    /// <summary>Starts an issue: the Reported event.</summary>
    public static IssueEvent Report(DateTimeOffset now, string actor) =>
        new(IssueEventKind.Reported, now, actor, null, IssueStatus.Reported, default, 0, null, string.Empty);

    /// <summary>Rebuilds an issue from its facts and log.</summary>
    public static Issue Fold(IssueFacts facts, IEnumerable<IssueEvent> events)
    {
        var issue = new Issue(facts);
        foreach (var e in events)
        {
            issue.Apply(e);
        }

        return issue;
    }

    /// <summary>Restores an issue from a stored fold of its log (the projection row), without reading the log.</summary>
    public static Issue Restore(IssueFacts facts, IssueSnapshot snapshot) => new(facts)
    {
        Status = snapshot.Status,
        ChainStep = snapshot.ChainStep,
        Owner = snapshot.Owner,
        DueAt = snapshot.DueAt,
        ReportedAt = snapshot.ReportedAt,
        ResolvedAt = snapshot.ResolvedAt,
        Rating = snapshot.Rating,
        ReopenCount = snapshot.ReopenCount,
        EscalationCount = snapshot.EscalationCount,
        _version = snapshot.Version,
        _route = snapshot.Route,
        RepliedAt = snapshot.RepliedAt,
        ExplainedAt = snapshot.ExplainedAt,
        _summons = [.. snapshot.Summons],
        ImproperWhistles = snapshot.ImproperWhistles,
    };

    /// <summary>Gets the fold as a snapshot, for the projection row.</summary>
    public IssueSnapshot Snapshot() =>
        new(Status, ChainStep, Owner, DueAt, ReportedAt, ResolvedAt, Rating, ReopenCount, EscalationCount, Version, _route, RepliedAt, ExplainedAt,
            [.. _summons], ImproperWhistles);

    /// <summary>Applies one stored event.</summary>
    public void Apply(IssueEvent e)
    {
        if (e.From != (_version == 0 ? null : Status))
        {
            throw new InvalidOperationException($"event {e.Kind} of issue {Id} expects {e.From}, but the issue is {Status}");
        }

        _events.Add(e);
        _version++;
        Status = e.To;
        Owner = e.Owner;
        ChainStep = e.ChainStep;
        DueAt = e.DueAt;
        switch (e.Kind)
        {
            case IssueEventKind.Reported:
                ReportedAt = e.At;
                break;
            case IssueEventKind.Escalated:
                EscalationCount++;
                break;
            case IssueEventKind.Resolved:
                ResolvedAt = e.At;
                break;
            case IssueEventKind.Rated:
                Rating = e.Rating;
                break;
            case IssueEventKind.Reopened:
                ReopenCount++;
                break;
            case IssueEventKind.Transferred or IssueEventKind.HandedBack or IssueEventKind.HandedOn:
                _route = e.Route;
                Facts = e.Category is { } category ? Facts with { Category = category } : Facts;
                break;
            case IssueEventKind.Replied:
                RepliedAt ??= e.At;
                break;
            case IssueEventKind.Explained:
                ExplainedAt ??= e.At;
                break;
            case IssueEventKind.Whistled:
                _summons.AddRange(e.Departments.Select((code, i) => new Summons(code, i == 0, e.At, e.ReportBy!.Value, null)));
                break;
            case IssueEventKind.WhistleRuledImproper:
                ImproperWhistles++;
                break;
            case IssueEventKind.CheckedIn:
                _summons = [.. _summons.Select(s => s.DepartmentCode == e.Departments[0] && s.CheckedInAt is null ? s with { CheckedInAt = e.At } : s)];
                break;
        }
    }

    /// <summary>中心接, 平台转: accepts the issue and dispatches it to the first owner of its chain.</summary>
    public IssueEvent[] Accept(DateTimeOffset now, string actor)
    {
        Require("accept", IssueStatus.Reported);
        var first = Route[0];
        return
        [
            new(IssueEventKind.Accepted, now, actor, Status, IssueStatus.Accepted, Owner, 0, null, string.Empty),
            new(IssueEventKind.Dispatched, now, actor, IssueStatus.Accepted, IssueStatus.Dispatched, first.Owner, 0, now + first.TimeLimit,
                first.Owner.IsCentre ? "no category gives an owner: the dispatch centre confirms one" : $"dispatched to the {first.Level} that owns {Facts.Category}"),
        ];
    }

    /// <summary>部门办: the owner starts work.</summary>
    public IssueEvent StartWork(DateTimeOffset now, string actor)
    {
        Require("start work on", IssueStatus.Dispatched);
        return new(IssueEventKind.Started, now, actor, Status, IssueStatus.InProgress, Owner, ChainStep, DueAt, string.Empty);
    }

    /// <summary>The owner asks to hand the issue one step up its chain, giving a reason.</summary>
    public IssueEvent Escalate(DateTimeOffset now, string actor, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidFieldException("reason", "is required to escalate");
        }

        Require("escalate", IssueStatus.Dispatched, IssueStatus.InProgress);
        return StepUp(now, actor, reason) ?? throw new RuleViolationException(
            $"cannot escalate issue {Id}: its owner {Owner} is the top of its chain");
    }

    /// <summary>The sweeper's move: one step up when the deadline has passed, or an Overdue mark at the top; null when not due.</summary>
    public IssueEvent? EscalateIfDue(DateTimeOffset now)
    {
        if (Status is not (IssueStatus.Dispatched or IssueStatus.InProgress) || DueAt is not { } due || due > now)
        {
            return null;
        }

        var reason = $"the {Route[ChainStep].Level} deadline {due:u} passed";
        return StepUp(now, "sweeper", reason)
            ?? new(IssueEventKind.Overdue, now, "sweeper", Status, Status, Owner, ChainStep, null, reason + " at the top of the chain");
    }

    /// <summary>限时结: the owner resolves the issue.</summary>
    public IssueEvent Resolve(DateTimeOffset now, string actor, string note)
    {
        Require("resolve", IssueStatus.InProgress);
        return new(IssueEventKind.Resolved, now, actor, Status, IssueStatus.Resolved, Owner, ChainStep, null, note);
    }

    /// <summary>群众评: the citizen rates the resolution, which closes the issue.</summary>
    public IssueEvent Rate(DateTimeOffset now, string actor, Satisfaction rating)
    {
        if (!Enum.IsDefined(rating))
        {
            throw new InvalidFieldException("rating", $"{(int)rating} is not satisfied (1), basically satisfied (2) or dissatisfied (3)");
        }

        Require("rate", IssueStatus.Resolved);
        return new(IssueEventKind.Rated, now, actor, Status, IssueStatus.Closed, Owner, ChainStep, null, string.Empty) { Rating = rating };
    }

    /// <summary>A dissatisfied citizen reopens the issue, once; it goes back to the owner that resolved it.</summary>
    public IssueEvent Reopen(DateTimeOffset now, string actor, string reason)
    {
        Require("reopen", IssueStatus.Closed);
        if (Rating != Satisfaction.Dissatisfied)
        {
            throw new RuleViolationException($"cannot reopen issue {Id}: it was rated {Rating}, not {Satisfaction.Dissatisfied}");
        }

        if (ReopenCount > 0)
        {
            throw new RuleViolationException($"cannot reopen issue {Id}: it was reopened once already");
        }

        var due = now + Route[ChainStep].TimeLimit;
        return new(IssueEventKind.Reopened, now, actor, Status, IssueStatus.Dispatched, Owner, ChainStep, due, reason);
    }

    /// <summary>确权转派: the dispatch centre confirms the owner and transfers the issue by hand, with the chain that owner starts.</summary>
    public IssueEvent Transfer(DateTimeOffset now, string actor, string category, IReadOnlyList<ChainLink> route, string reason)
    {
        RequireText("reason", reason, "to transfer");
        Require("transfer", IssueStatus.Dispatched, IssueStatus.InProgress);
        var first = route[0];
        if (first.Owner == Owner)
        {
            throw new RuleViolationException($"cannot transfer issue {Id}: {Owner} owns it already");
        }

        return new(IssueEventKind.Transferred, now, actor, Status, IssueStatus.Dispatched, first.Owner, 0, now + first.TimeLimit, reason)
        {
            Route = route,
            Category = category,
        };
    }

    /// <summary>The owner hands the issue back to the dispatch centre as not its job, with a reason; the centre has its own time to transfer it.</summary>
    public IssueEvent HandBack(DateTimeOffset now, string actor, string reason)
    {
        RequireText("reason", reason, "to hand an issue back");
        Require("hand back", IssueStatus.Dispatched, IssueStatus.InProgress);
        if (Owner.IsCentre)
        {
            throw new RuleViolationException($"cannot hand back issue {Id}: the dispatch centre owns it; transfer it instead");
        }

        var centre = new ChainLink(IssueOwner.Centre, Responsibility.DispatchCentre.Level, Responsibility.DispatchCentre.ConfirmWithin);
        return new(IssueEventKind.HandedBack, now, actor, Status, IssueStatus.Dispatched, centre.Owner, 0, now + centre.TimeLimit, reason)
        {
            Route = [centre],
        };
    }

    /// <summary>
    /// 有事您找我: the property company or committee that received the issue first hands on what is not its job to the
    /// community, with a reason; <paramref name="route"/> is the chain the community starts.
    /// </summary>
    public IssueEvent HandOn(DateTimeOffset now, string actor, IReadOnlyList<ChainLink> route, string reason)
    {
        RequireText("reason", reason, "to hand an issue on");
        Require("hand on", IssueStatus.Dispatched, IssueStatus.InProgress);
        if (Owner.OrganizationId is null || Route[ChainStep].Level == Organization.AttachedOrganization.ZoneStep)
        {
            throw new RuleViolationException($"cannot hand on issue {Id}: {Owner} is not a property company or committee that received it first");
        }

        var first = route[0];
        return new(IssueEventKind.HandedOn, now, actor, Status, IssueStatus.Dispatched, first.Owner, 0, now + first.TimeLimit, reason)
        {
            Route = route,
        };
    }

    /// <summary>收办回疏: the handler replies to the citizen, any time before the issue closes.</summary>
    public IssueEvent Reply(DateTimeOffset now, string actor, string text)
    {
        RequireText("text", text, "to reply");
        Require("reply to the citizen on", IssueStatus.Accepted, IssueStatus.Dispatched, IssueStatus.InProgress, IssueStatus.Resolved);
        return Note(IssueEventKind.Replied, now, actor, text);
    }

    /// <summary>The handler explains to the citizen why the issue is not solved yet (当天不能解决的要和业主说明原因).</summary>
    public IssueEvent Explain(DateTimeOffset now, string actor, string text)
    {
        RequireText("text", text, "to explain");
        Require("explain", IssueStatus.Accepted, IssueStatus.Dispatched, IssueStatus.InProgress);
        return Note(IssueEventKind.Explained, now, actor, text);
    }

    /// <summary>吹哨: calls in a lead department and co-operating ones, each to report (报到) within <paramref name="reportWithin"/>.</summary>
    public IssueEvent Whistle(DateTimeOffset now, string actor, string lead, IReadOnlyList<string> cooperating, TimeSpan reportWithin, string reason)
    {
        RequireText("reason", reason, "to blow the whistle");
        Require("blow the whistle on", IssueStatus.Dispatched, IssueStatus.InProgress);
        if (cooperating.Contains(lead, StringComparer.Ordinal) || cooperating.Distinct(StringComparer.Ordinal).Count() != cooperating.Count)
        {
            throw new InvalidFieldException("cooperating_departments", "name each department once, and not the lead one");
        }

        if (_summons.FirstOrDefault(s => s.CheckedInAt is null && (s.DepartmentCode == lead || cooperating.Contains(s.DepartmentCode))) is { } waiting)
        {
            throw new RuleViolationException($"cannot whistle for {waiting.DepartmentCode} on issue {Id}: it was called at {waiting.SummonedAt:u} and has not reported");
        }

        return Note(IssueEventKind.Whistled, now, actor, reason) with { Departments = [lead, .. cooperating], ReportBy = now + reportWithin };
    }

    /// <summary>报到: a department a whistle called reports; late reports are taken and stay late.</summary>
    public IssueEvent CheckIn(DateTimeOffset now, string actor, string department, string note)
    {
        if (!_summons.Any(s => s.DepartmentCode == department && s.CheckedInAt is null))
        {
            throw new RuleViolationException($"cannot report for {department} on issue {Id}: no whistle is waiting for it");
        }

        return Note(IssueEventKind.CheckedIn, now, actor, note) with { Departments = [department] };
    }

    /// <summary>Asks a co-building unit registered with the issue's community (双报到) to help with an open issue.</summary>
    /// <param name="now">When.</param>
    /// <param name="actor">Who asks.</param>
    /// <param name="helper">The co-building unit: its id, name and the community it registered with.</param>
    /// <param name="note">What the helper is asked to do.</param>
    public IssueEvent AssignHelper(DateTimeOffset now, string actor, (long Id, string Name, long CommunityId) helper, string note)
    {
        Require("assign a helper to", IssueStatus.Accepted, IssueStatus.Dispatched, IssueStatus.InProgress);
        var placeCommunityId = Facts.UnitAt(Organization.OrgLevel.Community);
        if (helper.CommunityId != placeCommunityId)
        {
            throw new RuleViolationException(placeCommunityId is null
                ? $"cannot assign co-building unit {helper.Id} {helper.Name} to issue {Id}: the issue lies in no community"
                : $"cannot assign co-building unit {helper.Id} {helper.Name} to issue {Id}: it registered with community {helper.CommunityId}, not the issue's {placeCommunityId}");
        }

        return Note(IssueEventKind.HelperAssigned, now, actor, note) with { HelperId = helper.Id };
    }

    /// <summary>A district rules a whistle on this issue improper (乱吹哨), with a reason; each whistle is ruled on once.</summary>
    public IssueEvent RuleWhistleImproper(DateTimeOffset now, string actor, string reason)
    {
        RequireText("reason", reason, "to rule a whistle improper");
        var whistles = _summons.Select(s => s.SummonedAt).Distinct().Count();
        if (ImproperWhistles >= whistles)
        {
            throw new RuleViolationException(whistles == 0
                ? $"cannot rule on issue {Id}: nobody blew the whistle on it"
                : $"cannot rule on issue {Id}: each of its {whistles} whistle(s) was ruled improper already");
        }

        return Note(IssueEventKind.WhistleRuledImproper, now, actor, reason);
    }

    /// <summary>Hands an open issue whose owner a reorganisation retires to the successor; null when its owner stays.</summary>
    public IssueEvent? Reroute(DateTimeOffset now, string actor, IReadOnlyDictionary<long, long> successors, string reason)
    {
        if (!IsOpen || Owner.UnitId is not { } owner || !successors.TryGetValue(owner, out var successor))
        {
            return null;
        }

        return new(IssueEventKind.Rerouted, now, actor, Status, Status, IssueOwner.Unit(successor), ChainStep, DueAt, reason);
    }

    /// <summary>Gets the chain with retired units above the first receiver replaced by their successors; the first receiver (首接) stays as recorded.</summary>
    public IReadOnlyList<ChainLink> ChainAfter(IReadOnlyDictionary<long, long> successors) => Successors(Facts.Chain, successors, keepFirst: true);

    /// <summary>Gets the chain in force since a transfer with retired units replaced by their successors; null while the reported chain holds.</summary>
    public IReadOnlyList<ChainLink>? RouteAfter(IReadOnlyDictionary<long, long> successors) =>
        _route is null ? null : Successors(_route, successors, keepFirst: false);

    private static ChainLink[] Successors(IReadOnlyList<ChainLink> chain, IReadOnlyDictionary<long, long> successors, bool keepFirst) =>
        [.. chain.Select((link, step) => (step > 0 || !keepFirst) && link.Owner.UnitId is { } id && successors.TryGetValue(id, out var next)
            ? link with { Owner = IssueOwner.Unit(next) }
            : link)];

    private IssueEvent? StepUp(DateTimeOffset now, string actor, string reason)
    {
        if (ChainStep + 1 >= Route.Count)
        {
            return null;
        }

        var next = Route[ChainStep + 1];
        return new(IssueEventKind.Escalated, now, actor, Status, IssueStatus.Dispatched, next.Owner, ChainStep + 1, now + next.TimeLimit, reason);
    }

    private static void RequireText(string field, string text, string action)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidFieldException(field, $"is required {action}");
        }
    }

    private IssueEvent Note(IssueEventKind kind, DateTimeOffset now, string actor, string text) =>
        new(kind, now, actor, Status, Status, Owner, ChainStep, DueAt, text);

    private void Require(string action, params IssueStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new RuleViolationException(
                $"cannot {action} issue {Id}: it is {Status}, not {string.Join(" or ", allowed)}");
        }
    }
}
