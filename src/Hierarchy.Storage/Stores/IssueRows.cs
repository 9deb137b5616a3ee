using System.Data.Common;
using System.Globalization;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>How issues and their events map to rows; times are Unix milliseconds.</summary>
internal static class IssueRows
{
    /// <summary>The columns holding the ids of an issue's place and its ancestors, the district first.</summary>
    public static readonly string[] PathColumns = ["district_id", "street_id", "community_id", "grid_id", "building_group_id"];

    public const string Columns =
        "i.id, i.request_id, i.category, i.channel, i.description, i.household_id, i.place_unit_id, " +
        "i.district_id, i.street_id, i.community_id, i.grid_id, i.building_group_id, i.chain, " +
        "i.status, i.chain_step, i.owner_unit_id, i.owner_department, i.due_at, i.reported_at, i.resolved_at, " +
        "i.rating, i.reopen_count, i.escalation_count, i.version, i.route, i.reply_due_at, i.replied_at, i.explained_at, i.improper_whistles, " +
        "EXISTS (SELECT 1 FROM issue_summons s WHERE s.issue_id = i.id), i.owner_organization_id";

    /// <summary>Gets how many columns <see cref="Columns"/> reads, where a joined event's columns start.</summary>
    public const int ColumnCount = 31;

    public const string EventColumns =
        "e.position, e.kind, e.occurred_at, e.actor, e.from_status, e.to_status, e.owner_unit_id, e.owner_department, " +
        "e.chain_step, e.due_at, e.reason, e.rating, e.departments, e.report_by, e.route, e.category, e.helper_id, e.owner_organization_id";

    // The columns every step may change; the rest only a few kinds of step change, and an update that names a column costs
    // its index upkeep even when the value stays.
    private const string UpdateFold =
        """
        UPDATE issues SET status = @status, chain_step = @step, owner_unit_id = @owner_unit, owner_department = @owner_department,
            owner_organization_id = @owner_organization, due_at = @due, accepted_at = COALESCE(accepted_at, @accepted), resolved_at = @resolved, rating = @rating,
            reopen_count = @reopens, escalation_count = @escalations, version = @version, sweep_claimed_until = NULL
        """;

    public const string InsertEvent =
        """
        INSERT INTO issue_events (issue_id, seq, kind, occurred_at, actor, from_status, to_status, owner_unit_id, owner_department,
            chain_step, due_at, reason, rating, departments, report_by, route, category, helper_id, owner_organization_id)
        VALUES (@issue, @seq, @kind, @at, @actor, @from, @to, @owner_unit, @owner_department, @step, @due, @reason, @rating,
            @departments, @report_by, @route, @category, @helper, @owner_organization)
        """;

    /// <summary>Gets the column holding the id of an issue's unit at a level.</summary>
    public static string PathColumn(OrgLevel level) => PathColumns[(int)level - 1];

    /// <summary>Reads an issue row and whether a whistle called anyone to it; its summons are read apart and attached with <see cref="Restore"/>.</summary>
    public static (IssueFacts Facts, IssueSnapshot Snapshot, bool Summoned) Read(DbDataReader r)
    {
        var path = Enumerable.Range(7, 5).Where(i => !r.IsDBNull(i)).Select(r.GetInt64).ToArray();
        var reportedAt = Time(r, 18)!.Value;
        var facts = new IssueFacts(
            r.GetInt64(0), r.GetString(1), r.GetString(2), (IssueChannel)r.GetInt16(3), r.GetString(4), r.NullableInt64(5),
            r.GetInt64(6), path, DecodeChain(r.GetString(12)), Time(r, 25)!.Value - reportedAt);
        var snapshot = new IssueSnapshot(
            (IssueStatus)r.GetInt16(13), r.GetInt32(14), new IssueOwner(r.NullableInt64(15), r.NullableString(16), r.NullableInt64(30)),
            Time(r, 17), reportedAt, Time(r, 19), r.IsDBNull(20) ? null : (Satisfaction)r.GetInt16(20),
            r.GetInt32(21), r.GetInt32(22), r.GetInt64(23), r.IsDBNull(24) ? null : DecodeChain(r.GetString(24)), Time(r, 26), Time(r, 27), [], r.GetInt32(28));
        return (facts, snapshot, r.GetBoolean(29));
    }

    /// <summary>Restores an issue read by <see cref="Read"/> with the summons read for it.</summary>
    public static Issue Restore((IssueFacts Facts, IssueSnapshot Snapshot, bool Summoned) row, ILookup<long, Summons> summons) =>
        Issue.Restore(row.Facts, row.Snapshot with { Summons = [.. summons[row.Facts.Id]] });

    public static IssueEvent ReadEvent(DbDataReader r, int first = 0) => new(
        (IssueEventKind)r.GetInt16(first + 1), Time(r, first + 2)!.Value, r.GetString(first + 3),
        r.IsDBNull(first + 4) ? null : (IssueStatus)r.GetInt16(first + 4), (IssueStatus)r.GetInt16(first + 5),
        new IssueOwner(r.NullableInt64(first + 6), r.NullableString(first + 7), r.NullableInt64(first + 17)), r.GetInt32(first + 8), Time(r, first + 9), r.GetString(first + 10))
    {
        Position = r.GetInt64(first),
        Rating = r.IsDBNull(first + 11) ? null : (Satisfaction)r.GetInt16(first + 11),
        Departments = r.IsDBNull(first + 12) ? [] : r.GetString(first + 12).Split('|'),
        ReportBy = Time(r, first + 13),
        Route = r.IsDBNull(first + 14) ? null : DecodeChain(r.GetString(first + 14)),
        Category = r.NullableString(first + 15),
        HelperId = r.NullableInt64(first + 16),
    };

    public static Summons ReadSummons(DbDataReader r) =>
        new(r.GetString(1), r.GetInt16(2) != 0, Time(r, 3)!.Value, Time(r, 4)!.Value, Time(r, 5));

    /// <summary>Gets the statement that stores an issue's new fold after <paramref name="events"/>, naming only the columns they can change.</summary>
    public static (string Sql, (string Name, object? Value)[] Parameters) Projection(Issue issue, IReadOnlyList<IssueEvent> events, DateTimeOffset? acceptedAt)
    {
        var sql = new System.Text.StringBuilder(UpdateFold);
        var parameters = new List<(string Name, object? Value)>
        {
            ("id", issue.Id), ("status", (short)issue.Status), ("step", issue.ChainStep), ("owner_unit", issue.Owner.UnitId),
            ("owner_department", issue.Owner.DepartmentCode), ("owner_organization", issue.Owner.OrganizationId), ("due", Millis(issue.DueAt)), ("accepted", Millis(acceptedAt)),
            ("resolved", Millis(issue.ResolvedAt)), ("rating", (short?)issue.Rating), ("reopens", issue.ReopenCount),
            ("escalations", issue.EscalationCount), ("version", issue.Version),
        };
        if (events.Any(e => e.Route is not null))
        {
            sql.Append(", route = @route, category = @category");
            parameters.Add(("route", issue.ChangedRoute is { } route ? EncodeChain(route) : null));
            parameters.Add(("category", issue.Facts.Category));
        }

        if (events.Any(e => e.Kind is IssueEventKind.Replied or IssueEventKind.Explained))
        {
            sql.Append(", replied_at = @replied, explained_at = @explained");
            parameters.Add(("replied", Millis(issue.RepliedAt)));
            parameters.Add(("explained", Millis(issue.ExplainedAt)));
        }

        if (events.Any(e => e.Kind == IssueEventKind.WhistleRuledImproper))
        {
            sql.Append(", improper_whistles = @improper");
            parameters.Add(("improper", issue.ImproperWhistles));
        }

        return (sql.Append(" WHERE id = @id").ToString(), [.. parameters]);
    }

    public static (string Name, object? Value)[] EventParameters(long issueId, long seq, IssueEvent e) =>
    [
        ("issue", issueId), ("seq", seq), ("kind", (short)e.Kind), ("at", e.At.ToUnixTimeMilliseconds()), ("actor", e.Actor),
        ("from", (short?)e.From), ("to", (short)e.To), ("owner_unit", e.Owner.UnitId), ("owner_department", e.Owner.DepartmentCode),
        ("owner_organization", e.Owner.OrganizationId), ("step", e.ChainStep), ("due", Millis(e.DueAt)), ("reason", e.Reason), ("rating", (short?)e.Rating),
        ("departments", e.Departments.Count == 0 ? null : string.Join('|', e.Departments)), ("report_by", Millis(e.ReportBy)),
        ("route", e.Route is { } route ? EncodeChain(route) : null), ("category", e.Category), ("helper", e.HelperId),
    ];

    /// <summary>Gets the statements that keep the summons table in step with a whistle or a report.</summary>
    public static IEnumerable<(string, (string, object?)[])> SummonsStatements(long issueId, long seq, IssueEvent e) => e.Kind switch
    {
        IssueEventKind.Whistled => e.Departments.Select((department, i) => (
            "INSERT INTO issue_summons (issue_id, seq, department, lead, summoned_at, due_at) VALUES (@issue, @seq, @department, @lead, @at, @due)",
            new (string, object?)[]
            {
                ("issue", issueId), ("seq", seq), ("department", department), ("lead", (short)(i == 0 ? 1 : 0)),
                ("at", e.At.ToUnixTimeMilliseconds()), ("due", Millis(e.ReportBy)),
            })),
        IssueEventKind.CheckedIn =>
        [(
            "UPDATE issue_summons SET checked_in_at = @at WHERE issue_id = @issue AND department = @department AND checked_in_at IS NULL",
            [("issue", issueId), ("department", e.Departments[0]), ("at", e.At.ToUnixTimeMilliseconds())]
        )],
        _ => [],
    };

    public static long? Millis(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    public static string EncodeChain(IReadOnlyList<ChainLink> chain) => string.Join(';', chain.Select(link =>
        string.Join(',', link.Level, link.Owner.UnitId is not null ? "u" : link.Owner.OrganizationId is not null ? "o" : "d",
            (link.Owner.UnitId ?? link.Owner.OrganizationId)?.ToString(CultureInfo.InvariantCulture) ?? link.Owner.DepartmentCode,
            ((long)link.TimeLimit.TotalSeconds).ToString(CultureInfo.InvariantCulture))));

    private static ChainLink[] DecodeChain(string text) => [.. text.Split(';').Select(part =>
    {
        var f = part.Split(',');
        var owner = f[1] switch
        {
            "u" => IssueOwner.Unit(long.Parse(f[2], CultureInfo.InvariantCulture)),
            "o" => IssueOwner.Organization(long.Parse(f[2], CultureInfo.InvariantCulture)),
            _ => IssueOwner.Department(f[2]),
        };
        return new ChainLink(owner, f[0], TimeSpan.FromSeconds(long.Parse(f[3], CultureInfo.InvariantCulture)));
    })];

    private static DateTimeOffset? Time(DbDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(ordinal));
}
