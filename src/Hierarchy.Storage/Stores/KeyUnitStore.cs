using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>The key unit list on either engine.</summary>
public sealed class KeyUnitStore(Database database) : IKeyUnitStore
{
    /// <inheritdoc />
    public async Task AddAsync(
        long unitId, OrgLevel level, KeyUnitObservation observation, KeyUnitPartners partners, string by, CancellationToken cancellationToken)
    {
        try
        {
            await database.WriteAsync((connection, transaction) => Sql.ExecuteAsync(connection, transaction,
                """
                INSERT INTO key_units (unit_id, level, added_at, observation_days, relapse_threshold, added_by,
                    leader_name, leader_phone, secretary_name, secretary_phone, department_code)
                VALUES (@unit, @level, @at, @days, @threshold, @by, @leader, @leader_phone, @secretary, @secretary_phone, @department)
                """,
                cancellationToken, ("unit", unitId), ("level", (short)level), ("at", observation.AddedAt.ToUnixTimeMilliseconds()),
                ("days", (int)observation.Period.TotalDays), ("threshold", observation.Threshold), ("by", by), ("leader", partners.LeaderName),
                ("leader_phone", partners.LeaderPhone), ("secretary", partners.SecretaryName), ("secretary_phone", partners.SecretaryPhone),
                ("department", partners.DepartmentCode)), cancellationToken);
        }
        catch (Exception e) when (database.IsUniqueViolation(e))
        {
            throw new RuleViolationException($"unit {unitId} is on the key unit list already");
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<KeyUnitEntry>> ListAsync(CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<KeyUnitEntry>>(async connection => await Sql.ListAsync(connection, null,
            """
            SELECT unit_id, level, added_at, observation_days, relapse_threshold, leader_name, leader_phone, secretary_name, secretary_phone,
                department_code
            FROM key_units ORDER BY unit_id
            """,
            r => new KeyUnitEntry(r.GetInt64(0), (OrgLevel)r.GetInt16(1), new KeyUnitObservation(
                    DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)), TimeSpan.FromDays(r.GetInt32(3)), r.GetInt32(4)),
                new KeyUnitPartners(r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9))),
            cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DateTimeOffset>> ComplaintTimesAsync(OrgLevel level, long unitId, DateTimeOffset from, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<DateTimeOffset>>(async connection => await Sql.ListAsync(connection, null,
            $"SELECT reported_at FROM issues WHERE {IssueRows.PathColumn(level)} = @unit AND reported_at >= @from ORDER BY reported_at",
            r => DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(0)), cancellationToken, ("unit", unitId), ("from", from.ToUnixTimeMilliseconds())),
            cancellationToken);
}
