namespace Hierarchy.Domain.Issues;

/// <summary>An issue's state as its log folds to, stored beside the log so queries and the sweeper need not replay it.</summary>
/// <param name="Status">Gets the status.</param>
/// <param name="ChainStep">Gets the owner's step in the chain.</param>
/// <param name="Owner">Gets the owner.</param>
/// <param name="DueAt">Gets the owner's deadline.</param>
/// <param name="ReportedAt">Gets when it was reported.</param>
/// <param name="ResolvedAt">Gets when it was last resolved.</param>
/// <param name="Rating">Gets the last rating.</param>
/// <param name="ReopenCount">Gets how often it was reopened.</param>
/// <param name="EscalationCount">Gets how often it escalated.</param>
/// <param name="Version">Gets the number of events.</param>
public sealed record IssueSnapshot(
    IssueStatus Status,
    int ChainStep,
    IssueOwner Owner,
    DateTimeOffset? DueAt,
    DateTimeOffset ReportedAt,
    DateTimeOffset? ResolvedAt,
    Satisfaction? Rating,
    int ReopenCount,
    int EscalationCount,
    long Version);
