using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.Issues;

/// <summary>
/// 诉求/工单: one citizen's problem and its closed loop. The state is the fold of the event log; every guarded method
/// returns the events it would add and changes nothing, so the caller stores them first and folds them in after.
/// </summary>
public sealed class Issue
{
    private readonly List<IssueEvent> _events = [];
    private long _version;

    private Issue(IssueFacts facts)
    {
        Facts = facts;
    }

    /// <summary>Gets what was fixed at report time.</summary>
    public IssueFacts Facts { get; }

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

    /// <summary>Gets the first receiver, who stays accountable (首接负责制): the first owner of the chain.</summary>
    public IssueOwner FirstReceiver => Facts.Chain[0].Owner;

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
    };

    /// <summary>Gets the fold as a snapshot, for the projection row.</summary>
    public IssueSnapshot Snapshot() =>
        new(Status, ChainStep, Owner, DueAt, ReportedAt, ResolvedAt, Rating, ReopenCount, EscalationCount, Version);

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
        }
    }

    /// <summary>中心接, 平台转: accepts the issue and dispatches it to the first owner of its chain.</summary>
    public IssueEvent[] Accept(DateTimeOffset now, string actor)
    {
        Require("accept", IssueStatus.Reported);
        var first = Facts.Chain[0];
        return
        [
            new(IssueEventKind.Accepted, now, actor, Status, IssueStatus.Accepted, Owner, 0, null, string.Empty),
            new(IssueEventKind.Dispatched, now, actor, IssueStatus.Accepted, IssueStatus.Dispatched, first.Owner, 0, now + first.TimeLimit,
                $"dispatched to the {first.Level} that owns {Facts.Category}"),
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

        var reason = $"the {Facts.Chain[ChainStep].Level} deadline {due:u} passed";
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

        var due = now + Facts.Chain[ChainStep].TimeLimit;
        return new(IssueEventKind.Reopened, now, actor, Status, IssueStatus.Dispatched, Owner, ChainStep, due, reason);
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
    public IReadOnlyList<ChainLink> ChainAfter(IReadOnlyDictionary<long, long> successors) =>
        [.. Facts.Chain.Select((link, step) => step > 0 && link.Owner.UnitId is { } id && successors.TryGetValue(id, out var next)
            ? link with { Owner = IssueOwner.Unit(next) }
            : link)];

    private IssueEvent? StepUp(DateTimeOffset now, string actor, string reason)
    {
        if (ChainStep + 1 >= Facts.Chain.Count)
        {
            return null;
        }

        var next = Facts.Chain[ChainStep + 1];
        return new(IssueEventKind.Escalated, now, actor, Status, IssueStatus.Dispatched, next.Owner, ChainStep + 1, now + next.TimeLimit, reason);
    }

    private void Require(string action, params IssueStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new RuleViolationException(
                $"cannot {action} issue {Id}: it is {Status}, not {string.Join(" or ", allowed)}");
        }
    }
}
