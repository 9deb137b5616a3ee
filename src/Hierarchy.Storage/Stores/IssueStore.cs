using System.Data.Common;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.Responsibility;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>The issue store, on either engine: every change appends events and updates the fold together, checked against the fold's version.</summary>
public sealed class IssueStore(Database database) : IIssueStore, IAsyncDisposable
{
    private readonly GroupCommit _commits = new(database, Channel, database.WriteConcurrency);

    /// <summary>Gets the channel PostgreSQL announces issue changes on, so watchers on every replica wake at once.</summary>
    public const string Channel = "hierarchy_issues";


    /// <inheritdoc />
    public Task<(Issue Issue, bool Created)> ReportAsync(IssueFacts facts, IssueEvent reported, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var path = IssueRows.PathColumns.Select((_, i) => i < facts.Path.Count ? (object?)facts.Path[i] : null).ToArray();
            var id = await Sql.ScalarAsync<long>(connection, transaction,
                $"""
                INSERT INTO issues (request_id, category, channel, description, household_id, place_unit_id, {string.Join(", ", IssueRows.PathColumns)},
                    chain, status, chain_step, reported_at, version, reply_due_at, explain_by, first_organization_id)
                VALUES (@request, @category, @channel, @description, @household, @place, @p0, @p1, @p2, @p3, @p4,
                    @chain, @status, 0, @at, 1, @reply_due, @explain_by, @first_organization)
                ON CONFLICT (request_id) DO NOTHING
                RETURNING id
                """,
                cancellationToken,
                ("request", facts.RequestId), ("category", facts.Category), ("channel", (short)facts.Channel), ("description", facts.Description),
                ("household", facts.HouseholdId), ("place", facts.PlaceUnitId), ("p0", path[0]), ("p1", path[1]), ("p2", path[2]), ("p3", path[3]),
                ("p4", path[4]), ("chain", IssueRows.EncodeChain(facts.Chain)), ("status", (short)reported.To), ("at", reported.At.ToUnixTimeMilliseconds()),
                ("reply_due", (reported.At + facts.ReplyWithin).ToUnixTimeMilliseconds()), ("explain_by", CitizenDay.EndOf(reported.At).ToUnixTimeMilliseconds()),
                ("first_organization", facts.Chain[0].Owner.OrganizationId));
            if (id == 0)
            {
                var existing = await SelectAsync(connection, transaction, "i.request_id = @request", string.Empty, cancellationToken, ("request", facts.RequestId));
                return (existing[0], false);
            }

            var issue = Issue.Fold(facts with { Id = id }, [reported]);
            await Sql.ExecuteAsync(connection, transaction, IssueRows.InsertEvent, cancellationToken, IssueRows.EventParameters(id, 1, reported));
            database.AnnounceAfterCommit(transaction, Channel);
            return (issue, true);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<Issue> GetAsync(long id, bool withEvents, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        var found = await SelectAsync(connection, null, "i.id = @id", string.Empty, cancellationToken, ("id", id));
        if (found.Count == 0)
        {
            throw new NotFoundException($"issue {id}");
        }

        if (!withEvents)
        {
            return found[0];
        }

        var events = await Sql.ListAsync(connection, null,
            $"SELECT {IssueRows.EventColumns} FROM issue_events e WHERE e.issue_id = @id ORDER BY e.seq",
            r => IssueRows.ReadEvent(r), cancellationToken, ("id", id));
        return Issue.Fold(found[0].Facts, events);
    }, cancellationToken);

    /// <inheritdoc />
    public async Task CommitAsync(Issue issue, IReadOnlyList<IssueEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        // Folded once, outside the transaction, so a retried transaction cannot apply the events twice.
        var previous = issue.Version;
        var statements = Append(issue, events);
        var (projection, parameters) = statements[^1];
        // The checked fold first, then the events, whose (issue, seq) key also refuses a second writer; the transaction may be shared.
        try
        {
            await _commits.CommitAsync([(projection + " AND version = @previous", [.. parameters, ("previous", previous)]), .. statements[..^1]]);
        }
        catch (Exception e) when (e is RowCountMismatchException || database.IsUniqueViolation(e))
        {
            var actual = await database.RunAsync(
                connection => Sql.ScalarAsync<long>(connection, null, "SELECT version FROM issues WHERE id = @id", cancellationToken, ("id", issue.Id)),
                cancellationToken);
            throw actual == 0 ? new NotFoundException($"issue {issue.Id}") : new VersionConflictException($"issue {issue.Id}", previous, actual);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _commits.DisposeAsync();

    /// <inheritdoc />
    public Task<IReadOnlyList<long>> ClaimDueAsync(
        DateTimeOffset now, DateTimeOffset claimUntil, SweepPartition partition, int limit, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<long>>(async (connection, transaction) => await Sql.ListAsync(connection, transaction,
            $"""
            UPDATE issues SET sweep_claimed_until = @until WHERE id IN (
                SELECT id FROM issues
                WHERE due_at <= @now AND status IN ({(short)IssueStatus.Dispatched}, {(short)IssueStatus.InProgress})
                    AND (sweep_claimed_until IS NULL OR sweep_claimed_until <= @now) AND id % @count = @index
                ORDER BY due_at LIMIT @limit{database.ForUpdateSkipLocked})
            RETURNING id
            """,
            r => r.GetInt64(0), cancellationToken,
            ("now", now.ToUnixTimeMilliseconds()), ("until", claimUntil.ToUnixTimeMilliseconds()), ("count", partition.Count),
            ("index", partition.Index), ("limit", limit)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Issue>> ListAsync(IssueQuery query, long afterId, int limit, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<Issue>>(async connection =>
        {
            var (where, parameters) = Filter(query);
            return await SelectAsync(connection, null, $"i.id > @after{where}", " ORDER BY i.id LIMIT @limit", cancellationToken,
                [.. parameters, ("after", afterId), ("limit", limit)]);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Issue>> ListWithEventsAsync(IssueQuery query, int limit, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<Issue>>(async connection =>
        {
            var (where, parameters) = Filter(query);
            var issues = await SelectAsync(connection, null, $"1 = 1{where}", " ORDER BY i.id LIMIT @limit", cancellationToken, [.. parameters, ("limit", limit)]);
            var events = new List<(long Issue, IssueEvent Event)>();
            foreach (var chunk in issues.Chunk(500))
            {
                events.AddRange(await Sql.ListAsync(connection, null,
                    $"SELECT e.issue_id, {IssueRows.EventColumns} FROM issue_events e WHERE e.issue_id IN ({string.Join(", ", chunk.Select((_, i) => "@e" + i))}) ORDER BY e.issue_id, e.seq",
                    r => (r.GetInt64(0), IssueRows.ReadEvent(r, 1)), cancellationToken, [.. chunk.Select((issue, i) => ("e" + i, (object?)issue.Id))]));
            }

            var logs = events.ToLookup(e => e.Issue, e => e.Event);
            return [.. issues.Select(issue => Issue.Fold(issue.Facts, logs[issue.Id]))];
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Issue>> ListOverdueAsync(IssueQuery query, DateTimeOffset now, long afterId, int limit, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<Issue>>(async connection =>
        {
            var (where, parameters) = Filter(query);
            return await SelectAsync(connection, null,
                $"""
                i.id > @after{where} AND (
                    (i.status IN ({(short)IssueStatus.Accepted}, {(short)IssueStatus.Dispatched}, {(short)IssueStatus.InProgress}) AND i.due_at < @now)
                    OR (i.reply_due_at < @now AND (i.replied_at IS NULL OR i.replied_at > i.reply_due_at))
                    OR (i.explain_by < @now AND (i.resolved_at IS NULL OR i.resolved_at > i.explain_by)
                        AND (i.explained_at IS NULL OR i.explained_at > i.explain_by) AND (i.replied_at IS NULL OR i.replied_at > i.explain_by))
                    OR EXISTS (SELECT 1 FROM issue_summons s WHERE s.issue_id = i.id AND s.due_at < @now
                        AND (s.checked_in_at IS NULL OR s.checked_in_at > s.due_at)))
                """,
                " ORDER BY i.id LIMIT @limit", cancellationToken, [.. parameters, ("after", afterId), ("now", now.ToUnixTimeMilliseconds()), ("limit", limit)]);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<(Issue Issue, IssueEvent Event)>> EventsAfterAsync(
        IssueQuery query, long position, long upTo, int limit, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<(Issue, IssueEvent)>>(async connection =>
        {
            var (where, parameters) = Filter(query);
            var rows = await Sql.ListAsync(connection, null,
                $"""
                SELECT {IssueRows.Columns}, {IssueRows.EventColumns}
                FROM issue_events e JOIN issues i ON i.id = e.issue_id
                WHERE e.position > @position AND e.position <= @upTo{where} ORDER BY e.position LIMIT @limit
                """,
                r => (IssueRows.Read(r), IssueRows.ReadEvent(r, IssueRows.ColumnCount)), cancellationToken,
                [.. parameters, ("position", position), ("upTo", upTo), ("limit", limit)]);
            var summons = await SummonsAsync(connection, null, [.. rows.Where(r => r.Item1.Summoned).Select(r => r.Item1.Facts.Id).Distinct()], cancellationToken);
            return [.. rows.Select(r => (IssueRows.Restore(r.Item1, summons), r.Item2))];
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<PositionPage> EventPositionsAfterAsync(long position, int limit, CancellationToken cancellationToken)
    {
        var (positions, transactions) = await PositionedLog.ReadAfterAsync(database, ["position"], "issue_events", position, limit,
            r => r.GetInt64(0), cancellationToken);
        return new PositionPage(positions, transactions);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<long, int>> OpenCountsAsync(IReadOnlyList<long> householdIds, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyDictionary<long, int>>(async connection =>
        {
            if (householdIds.Count == 0)
            {
                return new Dictionary<long, int>();
            }

            var names = householdIds.Select((_, i) => "@h" + i).ToArray();
            var rows = await Sql.ListAsync(connection, null,
                $"""
                SELECT household_id, COUNT(*) FROM issues
                WHERE household_id IN ({string.Join(", ", names)}) AND status NOT IN ({(short)IssueStatus.Resolved}, {(short)IssueStatus.Closed})
                GROUP BY household_id
                """,
                r => (r.GetInt64(0), (int)r.GetInt64(1)), cancellationToken,
                [.. householdIds.Select((h, i) => ("h" + i, (object?)h))]);
            return rows.ToDictionary(r => r.Item1, r => r.Item2);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<IssueStatus, long>> CountByStatusAsync(CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyDictionary<IssueStatus, long>>(async connection => (await Sql.ListAsync(connection, null,
            "SELECT status, COUNT(*) FROM issues GROUP BY status", r => ((IssueStatus)r.GetInt16(0), r.GetInt64(1)), cancellationToken))
            .ToDictionary(c => c.Item1, c => c.Item2), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<long, int>> OpenCountsByBuildingGroupAsync(OrgLevel rootLevel, long rootId, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyDictionary<long, int>>(async connection => (await Sql.ListAsync(connection, null,
            $"""
            SELECT building_group_id, COUNT(*) FROM issues
            WHERE {IssueRows.PathColumn(rootLevel)} = @root AND building_group_id IS NOT NULL
                AND status IN ({(short)IssueStatus.Reported}, {(short)IssueStatus.Accepted}, {(short)IssueStatus.Dispatched}, {(short)IssueStatus.InProgress})
            GROUP BY building_group_id
            """,
            r => (r.GetInt64(0), (int)r.GetInt64(1)), cancellationToken, ("root", rootId))).ToDictionary(c => c.Item1, c => c.Item2), cancellationToken);

    /// <inheritdoc />
    public Task<long> CountOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.RunAsync(connection => Sql.ScalarAsync<long>(connection, null,
            $"SELECT COUNT(*) FROM issues WHERE status IN ({(short)IssueStatus.Accepted}, {(short)IssueStatus.Dispatched}, {(short)IssueStatus.InProgress}) AND due_at < @now",
            cancellationToken, ("now", now.ToUnixTimeMilliseconds())), cancellationToken);

    private static (string Where, (string, object?)[] Parameters) Filter(IssueQuery query)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.RootLevel is { } level)
        {
            where.Add($"i.{IssueRows.PathColumn(level)} = @root");
            parameters.Add(("root", query.RootId));
        }

        if (query.HouseholdIds is { } households)
        {
            var names = households.Select((_, i) => "@hh" + i).ToArray();
            where.Add(names.Length == 0 ? "1 = 0" : $"i.household_id IN ({string.Join(", ", names)})");
            parameters.AddRange(households.Select((h, i) => ("hh" + i, (object?)h)));
        }

        if (query.DepartmentCode is { } department)
        {
            where.Add("(i.owner_department = @department OR EXISTS (SELECT 1 FROM issue_summons s WHERE s.issue_id = i.id AND s.department = @department))");
            parameters.Add(("department", department));
        }

        if (query.OrganizationId is { } organization)
        {
            where.Add("(i.first_organization_id = @organization OR i.owner_organization_id = @organization)");
            parameters.Add(("organization", organization));
        }

        if (query.CentreQueue)
        {
            where.Add("i.owner_department = @centre");
            parameters.Add(("centre", DispatchCentre.Code));
        }

        if (query.Status is { } status)
        {
            where.Add("i.status = @status");
            parameters.Add(("status", (short)status));
        }

        if (query.Category is { } category)
        {
            where.Add("i.category = @category");
            parameters.Add(("category", category));
        }

        if (query.ReportedFrom is { } from)
        {
            where.Add("i.reported_at >= @from");
            parameters.Add(("from", from.ToUnixTimeMilliseconds()));
        }

        if (query.ReportedBefore is { } before)
        {
            where.Add("i.reported_at < @before");
            parameters.Add(("before", before.ToUnixTimeMilliseconds()));
        }

        return (string.Concat(where.Select(w => " AND " + w)), [.. parameters]);
    }

    /// <summary>Folds the events into the issue and returns the statements that store them and the new fold.</summary>
    internal static List<(string, (string, object?)[])> Append(Issue issue, IReadOnlyList<IssueEvent> events)
    {
        var statements = new List<(string, (string, object?)[])>(events.Count + 1);
        DateTimeOffset? accepted = null;
        foreach (var e in events)
        {
            issue.Apply(e);
            accepted ??= e.Kind == IssueEventKind.Accepted ? e.At : null;
            statements.Add((IssueRows.InsertEvent, IssueRows.EventParameters(issue.Id, issue.Version, e)));
            statements.AddRange(IssueRows.SummonsStatements(issue.Id, issue.Version, e));
        }

        if (events.Count > 0)
        {
            statements.Add(IssueRows.Projection(issue, events, accepted));
        }

        return statements;
    }

    internal static async Task<IReadOnlyList<Issue>> SelectAsync(
        DbConnection connection, DbTransaction? transaction, string where, string tail, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        var rows = await Sql.ListAsync(connection, transaction, $"SELECT {IssueRows.Columns} FROM issues i WHERE {where}{tail}", IssueRows.Read,
            cancellationToken, parameters);
        var summons = await SummonsAsync(connection, transaction, [.. rows.Where(r => r.Summoned).Select(r => r.Facts.Id)], cancellationToken);
        return [.. rows.Select(r => IssueRows.Restore(r, summons))];
    }

    // Few issues are ever whistled for: the row says whether any was, and one query reads those of a page.
    private static async Task<ILookup<long, Summons>> SummonsAsync(
        DbConnection connection, DbTransaction? transaction, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return Array.Empty<(long, Summons)>().ToLookup(x => x.Item1, x => x.Item2);
        }

        var names = ids.Select((_, i) => "@s" + i).ToArray();
        var rows = await Sql.ListAsync(connection, transaction,
            $"""
            SELECT issue_id, department, lead, summoned_at, due_at, checked_in_at FROM issue_summons
            WHERE issue_id IN ({string.Join(", ", names)}) ORDER BY issue_id, seq, lead DESC, department
            """,
            r => (r.GetInt64(0), IssueRows.ReadSummons(r)), cancellationToken, [.. ids.Select((id, i) => ("s" + i, (object?)id))]);
        return rows.ToLookup(x => x.Item1, x => x.Item2);
    }
}
