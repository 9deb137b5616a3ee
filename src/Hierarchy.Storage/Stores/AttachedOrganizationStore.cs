using System.Data.Common;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>Attached organisations on either engine: every change of shape is a tree version, so each silo's snapshot reloads it.</summary>
public sealed class AttachedOrganizationStore(Database database) : IAttachedOrganizationStore
{
    private const string RecordColumns = "id, organization_id, kind, recorded_at, recorded_by, month, score, unit_id, successor_id, note";

    /// <inheritdoc />
    public Task<IReadOnlyList<AttachedOrganization>> CurrentAsync(CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        return await AttachedOrganizations.LoadAsync(connection, transaction, null, cancellationToken);
    }, cancellationToken);

    /// <inheritdoc />
    public Task<(AttachedOrganization Organization, long Version)> SaveAsync(
        AttachedOrganization organization, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var version = await TreeVersions.BumpAsync(connection, transaction, at, null, cancellationToken);
            if (organization.Id == 0)
            {
                organization = organization with { Id = await AttachedOrganizations.NextIdAsync(connection, transaction, cancellationToken) };
            }
            else if (!await AttachedOrganizations.RetireAsync(connection, transaction, organization.Id, version, cancellationToken))
            {
                throw new NotFoundException($"organization {organization.Id}");
            }

            await AttachedOrganizations.InsertAsync(connection, transaction, organization, version, by, cancellationToken);
            await ChangeFeed.AppendAsync(database, connection, transaction, [(ChangeKind.Tree, version)], cancellationToken);
            return (organization, version);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<(AttachedOrganization Successor, long Version)> ReplaceAsync(
        long id, AttachedOrganization successor, string by, DateTimeOffset at, string note, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var version = await TreeVersions.BumpAsync(connection, transaction, at, null, cancellationToken);
            if (!await AttachedOrganizations.RetireAsync(connection, transaction, id, version, cancellationToken))
            {
                throw new NotFoundException($"organization {id}");
            }

            successor = successor with { Id = await AttachedOrganizations.NextIdAsync(connection, transaction, cancellationToken) };
            await AttachedOrganizations.InsertAsync(connection, transaction, successor, version, by, cancellationToken);
            await InsertRecordAsync(connection, transaction,
                new OrganizationRecord(0, id, OrganizationRecordKind.Replacement, at, by, null, null, null, successor.Id, note), cancellationToken);
            await ChangeFeed.AppendAsync(database, connection, transaction, [(ChangeKind.Tree, version)], cancellationToken);
            return (successor, version);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<OrganizationRecord> RecordAsync(OrganizationRecord record, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
            record with { Id = await InsertRecordAsync(connection, transaction, record, cancellationToken) }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<OrganizationRecord>> RecordsAsync(long organizationId, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<OrganizationRecord>>(async connection => await Sql.ListAsync(connection, null,
            $"SELECT {RecordColumns} FROM organization_records WHERE organization_id = @organization ORDER BY recorded_at, id",
            ReadRecord, cancellationToken, ("organization", organizationId)), cancellationToken);

    /// <inheritdoc />
    public Task<OrganizationTally> TallyAsync(long organizationId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            var rows = await Sql.ListAsync(connection, null,
                $"""
                SELECT COUNT(*), COALESCE(SUM(handed), 0), COALESCE(SUM(resolved), 0), COALESCE(SUM(late), 0),
                    COALESCE(SUM(CASE WHEN resolved = 1 AND rating IS NOT NULL THEN 1 ELSE 0 END), 0),
                    COALESCE(SUM(CASE WHEN resolved = 1 AND rating IN ({(short)Satisfaction.Satisfied}, {(short)Satisfaction.BasicallySatisfied}) THEN 1 ELSE 0 END), 0)
                FROM (
                    SELECT i.rating,
                        CASE WHEN EXISTS (SELECT 1 FROM issue_events h WHERE h.issue_id = i.id AND h.kind = {(short)IssueEventKind.HandedOn}) THEN 1 ELSE 0 END AS handed,
                        CASE WHEN EXISTS (SELECT 1 FROM issue_events r WHERE r.issue_id = i.id AND r.kind = {(short)IssueEventKind.Resolved}
                            AND r.owner_organization_id = @organization) THEN 1 ELSE 0 END AS resolved,
                        CASE WHEN EXISTS (SELECT 1 FROM issue_events e WHERE e.issue_id = i.id AND e.kind = {(short)IssueEventKind.Escalated}
                            AND e.actor = 'sweeper' AND e.chain_step = 1 AND NOT EXISTS (
                                SELECT 1 FROM issue_events h WHERE h.issue_id = i.id AND h.kind = {(short)IssueEventKind.HandedOn} AND h.seq < e.seq))
                            THEN 1 ELSE 0 END AS late
                    FROM issues i
                    WHERE i.first_organization_id = @organization AND i.reported_at >= @from AND i.reported_at < @to) mine
                """,
                r => new OrganizationTally(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)),
                cancellationToken, ("organization", organizationId), ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds()));
            return rows[0];
        }, cancellationToken);

    private static Task<long> InsertRecordAsync(DbConnection connection, DbTransaction transaction, OrganizationRecord record, CancellationToken cancellationToken) =>
        Sql.ScalarAsync<long>(connection, transaction,
            """
            INSERT INTO organization_records (organization_id, kind, recorded_at, recorded_by, month, score, unit_id, successor_id, note)
            VALUES (@organization, @kind, @at, @by, @month, @score, @unit, @successor, @note) RETURNING id
            """,
            cancellationToken, ("organization", record.OrganizationId), ("kind", (short)record.Kind), ("at", record.At.ToUnixTimeMilliseconds()),
            ("by", record.By), ("month", record.Month), ("score", record.Score), ("unit", record.UnitId), ("successor", record.SuccessorId),
            ("note", record.Note));

    private static OrganizationRecord ReadRecord(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), (OrganizationRecordKind)r.GetInt16(2), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)), r.GetString(4),
        r.NullableString(5), r.IsDBNull(6) ? null : r.GetInt32(6), r.NullableInt64(7), r.NullableInt64(8), r.GetString(9));
}
