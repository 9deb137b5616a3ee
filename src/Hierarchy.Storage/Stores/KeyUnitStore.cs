using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>The key unit list on either engine.</summary>
public sealed class KeyUnitStore(Database database) : IKeyUnitStore
{
    /// <inheritdoc />
    public async Task AddAsync(long unitId, OrgLevel level, KeyUnitObservation observation, string by, CancellationToken cancellationToken)
    {
        try
        {
            await database.WriteAsync((connection, transaction) => Sql.ExecuteAsync(connection, transaction,
                """
                INSERT INTO key_units (unit_id, level, added_at, observation_days, relapse_threshold, added_by)
                VALUES (@unit, @level, @at, @days, @threshold, @by)
                """,
                cancellationToken, ("unit", unitId), ("level", (short)level), ("at", observation.AddedAt.ToUnixTimeMilliseconds()),
                ("days", (int)observation.Period.TotalDays), ("threshold", observation.Threshold), ("by", by)), cancellationToken);
        }
        catch (Exception e) when (database.IsUniqueViolation(e))
        {
            throw new RuleViolationException($"unit {unitId} is on the key unit list already");
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<(long UnitId, OrgLevel Level, KeyUnitObservation Observation)>> ListAsync(CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<(long, OrgLevel, KeyUnitObservation)>>(async connection => await Sql.ListAsync(connection, null,
            "SELECT unit_id, level, added_at, observation_days, relapse_threshold FROM key_units ORDER BY unit_id",
            r => (r.GetInt64(0), (OrgLevel)r.GetInt16(1), new KeyUnitObservation(
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)), TimeSpan.FromDays(r.GetInt32(3)), r.GetInt32(4))),
            cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DateTimeOffset>> ComplaintTimesAsync(OrgLevel level, long unitId, DateTimeOffset from, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<DateTimeOffset>>(async connection => await Sql.ListAsync(connection, null,
            $"SELECT reported_at FROM issues WHERE {IssueRows.PathColumn(level)} = @unit AND reported_at >= @from ORDER BY reported_at",
            r => DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(0)), cancellationToken, ("unit", unitId), ("from", from.ToUnixTimeMilliseconds())),
            cancellationToken);
}
