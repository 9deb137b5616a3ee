namespace Hierarchy.Domain.Issues;

/// <summary>One transition of an issue: who, when, from what to what, and why. The issue is the fold of these.</summary>
/// <param name="Kind">Gets what happened.</param>
/// <param name="At">Gets when.</param>
/// <param name="Actor">Gets who did it ("service", "admin:7", "sweeper").</param>
/// <param name="From">Gets the status before.</param>
/// <param name="To">Gets the status after.</param>
/// <param name="Owner">Gets the owner after the event.</param>
/// <param name="ChainStep">Gets the owner's step in the escalation chain after the event.</param>
/// <param name="DueAt">Gets the owner's deadline after the event; null when none runs.</param>
/// <param name="Reason">Gets why, in the actor's words; empty when not given.</param>
public sealed record IssueEvent(
    IssueEventKind Kind,
    DateTimeOffset At,
    string Actor,
    IssueStatus? From,
    IssueStatus To,
    IssueOwner Owner,
    int ChainStep,
    DateTimeOffset? DueAt,
    string Reason)
{
    /// <summary>Gets the position of the event in the global log; 0 until stored.</summary>
    public long Position { get; init; }

    /// <summary>Gets the citizen's rating, on a Rated event.</summary>
    public Satisfaction? Rating { get; init; }

    /// <summary>Gets the departments a whistle called, the lead first (Whistled), or the department that reported (CheckedIn).</summary>
    public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>Gets by when the called departments must report, on a Whistled event.</summary>
    public DateTimeOffset? ReportBy { get; init; }

    /// <summary>Gets the escalation chain in force from this event on, on a Transferred or HandedBack event.</summary>
    public IReadOnlyList<ChainLink>? Route { get; init; }

    /// <summary>Gets the category the dispatcher confirmed, on a Transferred event.</summary>
    public string? Category { get; init; }

    /// <summary>Gets the co-building unit asked to help, on a HelperAssigned event.</summary>
    public long? HelperId { get; init; }
}
