using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>Issue tallies in SQL both engines share; medians and levels are finished in memory.</summary>
public sealed class IssueStatistics(Database database) : IIssueStatistics
{
    /// <inheritdoc />
    public Task<IReadOnlyList<IssueTally>> TallyAsync(
        OrgLevel rootLevel, long rootId, OrgLevel groupLevel, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<IssueTally>>(async connection =>
        {
            var group = "i." + IssueRows.PathColumn(groupLevel);
            var where = $"i.{IssueRows.PathColumn(rootLevel)} = @root AND i.reported_at >= @from AND i.reported_at < @to AND {group} IS NOT NULL";
            (string, object?)[] parameters = [("root", rootId), ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds())];
            var counts = await Sql.ListAsync(connection, null,
                $"""
                SELECT {group}, COUNT(*),
                    SUM(CASE WHEN i.status IN ({(short)IssueStatus.Resolved}, {(short)IssueStatus.Closed}) THEN 1 ELSE 0 END),
                    SUM(CASE WHEN i.rating IS NOT NULL THEN 1 ELSE 0 END),
                    SUM(CASE WHEN i.rating IN ({(short)Satisfaction.Satisfied}, {(short)Satisfaction.BasicallySatisfied}) THEN 1 ELSE 0 END),
                    SUM(CASE WHEN i.accepted_at IS NOT NULL THEN 1 ELSE 0 END)
                FROM issues i WHERE {where} GROUP BY {group}
                """,
                r => (Unit: r.GetInt64(0), Received: r.GetInt64(1), Resolved: r.GetInt64(2), Rated: r.GetInt64(3), Satisfied: r.GetInt64(4),
                    Responded: r.GetInt64(5)),
                cancellationToken, parameters);
            var times = (await Sql.ListAsync(connection, null,
                    $"""
                    SELECT {group}, i.resolved_at - i.reported_at FROM issues i
                    WHERE {where} AND i.status IN ({(short)IssueStatus.Resolved}, {(short)IssueStatus.Closed})
                    """,
                    r => (Unit: r.GetInt64(0), Time: TimeSpan.FromMilliseconds(r.GetInt64(1))), cancellationToken, parameters))
                .ToLookup(t => t.Unit, t => t.Time);
            var escalations = (await Sql.ListAsync(connection, null,
                    $"""
                    SELECT {group}, i.chain, e.chain_step FROM issue_events e JOIN issues i ON i.id = e.issue_id
                    WHERE {where} AND e.kind = {(short)IssueEventKind.Escalated}
                    """,
                    r => (Unit: r.GetInt64(0), Level: r.GetString(1).Split(';')[r.GetInt32(2) - 1].Split(',')[0]), cancellationToken, parameters))
                .ToLookup(e => e.Unit, e => e.Level);
            return [.. counts.Select(c => new IssueTally(
                c.Unit, c.Received, c.Resolved, c.Rated, c.Satisfied, c.Responded, [.. times[c.Unit]],
                escalations[c.Unit].GroupBy(level => level).ToDictionary(g => g.Key, g => (long)g.Count())))];
        }, cancellationToken);
}
