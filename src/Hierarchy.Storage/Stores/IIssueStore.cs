using Hierarchy.Domain.Issues;

namespace Hierarchy.Storage.Stores;

/// <summary>Issues: one row per issue (the fold) and its event log, written together.</summary>
public interface IIssueStore
{
    /// <summary>Stores a new issue with its Reported event; a request id seen before returns that issue instead (idempotent).</summary>
    /// <returns>The issue, and whether this call created it.</returns>
    Task<(Issue Issue, bool Created)> ReportAsync(IssueFacts facts, IssueEvent reported, CancellationToken cancellationToken);

    /// <summary>Gets an issue; with its whole log when <paramref name="withEvents"/>.</summary>
    /// <exception cref="Domain.Errors.NotFoundException">No such issue.</exception>
    Task<Issue> GetAsync(long id, bool withEvents, CancellationToken cancellationToken);

    /// <summary>
    /// Locks the issue, lets <paramref name="decide"/> choose the events (it throws to refuse), appends them and updates the
    /// fold, all in one transaction: the grain's turn.
    /// </summary>
    /// <param name="id">The issue.</param>
    /// <param name="expectedVersion">The version the caller read; 0 skips the check.</param>
    /// <param name="decide">The guarded domain method.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="Domain.Errors.VersionConflictException">The issue changed since the caller read it.</exception>
    Task<(Issue Issue, IReadOnlyList<IssueEvent> Added)> UpdateAsync(
        long id, long expectedVersion, Func<Issue, IReadOnlyList<IssueEvent>> decide, CancellationToken cancellationToken);

    /// <summary>
    /// Escalates up to <paramref name="limit"/> issues whose deadline passed by <paramref name="now"/>, each exactly once:
    /// rows are claimed with a lock that other replicas skip. Returns the issues escalated or marked overdue.
    /// </summary>
    Task<IReadOnlyList<Issue>> SweepAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Lists issues in id order after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<Issue>> ListAsync(IssueQuery query, long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Lists the events after a position of the global log up to <paramref name="upTo"/>, for issues the query keeps, in log order.</summary>
    Task<IReadOnlyList<(Issue Issue, IssueEvent Event)>> EventsAfterAsync(
        IssueQuery query, long position, long upTo, int limit, CancellationToken cancellationToken);

    /// <summary>Gets the positions of the global event log after <paramref name="position"/>, every issue's, with the read's transaction horizon.</summary>
    Task<PositionPage> EventPositionsAfterAsync(long position, int limit, CancellationToken cancellationToken);

    /// <summary>Counts the open issues of each of the given households.</summary>
    Task<IReadOnlyDictionary<long, int>> OpenCountsAsync(IReadOnlyList<long> householdIds, CancellationToken cancellationToken);
}
