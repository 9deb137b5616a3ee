using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;

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
    /// Appends events decided on <paramref name="issue"/> as it was at its version, and stores the new fold, in one
    /// transaction (which other issues' commits may share: one disk flush for many); the issue is folded forward. The row's version is the check: a writer that got there first (a second
    /// activation, a reorganisation's reroute) makes this fail instead of writing twice.
    /// </summary>
    /// <exception cref="Domain.Errors.VersionConflictException">The stored issue is no longer at the version decided on.</exception>
    Task CommitAsync(Issue issue, IReadOnlyList<IssueEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> issues of one sweep partition whose deadline passed by <paramref name="now"/>
    /// and that no live claim holds, until <paramref name="claimUntil"/>; other sweepers skip them. A sweeper that dies leaves
    /// its claims to lapse. An issue's next commit clears its claim.
    /// </summary>
    /// <returns>The ids of the claimed issues, earliest deadline first.</returns>
    Task<IReadOnlyList<long>> ClaimDueAsync(
        DateTimeOffset now, DateTimeOffset claimUntil, SweepPartition partition, int limit, CancellationToken cancellationToken);

    /// <summary>Lists issues in id order after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<Issue>> ListAsync(IssueQuery query, long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Lists up to <paramref name="limit"/> issues with their whole logs, in id order, for a report.</summary>
    Task<IReadOnlyList<Issue>> ListWithEventsAsync(IssueQuery query, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Lists issues in id order after <paramref name="afterId"/> that are overdue at <paramref name="now"/>: open past their
    /// deadline, no reply by its deadline, not solved or explained the day they came, or a called department that has not reported.
    /// </summary>
    Task<IReadOnlyList<Issue>> ListOverdueAsync(IssueQuery query, DateTimeOffset now, long afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Lists the events after a position of the global log up to <paramref name="upTo"/>, for issues the query keeps, in log order.</summary>
    Task<IReadOnlyList<(Issue Issue, IssueEvent Event)>> EventsAfterAsync(
        IssueQuery query, long position, long upTo, int limit, CancellationToken cancellationToken);

    /// <summary>Gets the positions of the global event log after <paramref name="position"/>, every issue's, with the read's transaction horizon.</summary>
    Task<PositionPage> EventPositionsAfterAsync(long position, int limit, CancellationToken cancellationToken);

    /// <summary>Counts the open issues of each of the given households.</summary>
    Task<IReadOnlyDictionary<long, int>> OpenCountsAsync(IReadOnlyList<long> householdIds, CancellationToken cancellationToken);

    /// <summary>Counts every issue by status.</summary>
    Task<IReadOnlyDictionary<IssueStatus, long>> CountByStatusAsync(CancellationToken cancellationToken);

    /// <summary>Counts the open issues (reported, accepted, dispatched or in progress) of each building group under a unit.</summary>
    Task<IReadOnlyDictionary<long, int>> OpenCountsByBuildingGroupAsync(OrgLevel rootLevel, long rootId, CancellationToken cancellationToken);

    /// <summary>Counts the issues accepted and not resolved whose time limit passed before <paramref name="now"/>.</summary>
    Task<long> CountOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
