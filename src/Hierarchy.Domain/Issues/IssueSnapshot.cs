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
/// <param name="Route">Gets the chain in force since a transfer or hand-back; null while the reported chain holds.</param>
/// <param name="RepliedAt">Gets when the citizen first had a reply.</param>
/// <param name="ExplainedAt">Gets when the citizen first had an explanation.</param>
/// <param name="Summons">Gets the departments whistles called, oldest first.</param>
/// <param name="ImproperWhistles">Gets how many of its whistles a district ruled improper.</param>
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
    long Version,
    IReadOnlyList<ChainLink>? Route,
    DateTimeOffset? RepliedAt,
    DateTimeOffset? ExplainedAt,
    IReadOnlyList<Summons> Summons,
    int ImproperWhistles)
{
    /// <summary>Tells whether two snapshots hold the same fold, lists compared item by item.</summary>
    public bool Equals(IssueSnapshot? other) =>
        other is not null && (Status, ChainStep, Owner, DueAt, ReportedAt, ResolvedAt, Rating, ReopenCount, EscalationCount, Version, RepliedAt, ExplainedAt,
            ImproperWhistles) == (other.Status, other.ChainStep, other.Owner, other.DueAt, other.ReportedAt, other.ResolvedAt, other.Rating,
            other.ReopenCount, other.EscalationCount, other.Version, other.RepliedAt, other.ExplainedAt, other.ImproperWhistles)
        && (Route ?? []).SequenceEqual(other.Route ?? []) && (Route is null) == (other.Route is null) && Summons.SequenceEqual(other.Summons);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Status, ChainStep, Owner, DueAt, Version);
}
