using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;
using Hierarchy.Domain.Responsibility;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>The org tree store, on either engine.</summary>
public sealed class OrgTreeStore(Database database) : IOrgTreeStore
{
    private static readonly string[] UnitColumns = ["id", "level", "code", "name", "parent_id", "version", "since_version", "kind"];
    private static readonly string[] PositionColumns = ["unit_id", "kind", "holder_name", "holder_phone", "member_id", "agency", "since_version"];

    private const string UnitsAt =
        """
        SELECT id, level, code, name, parent_id, version, kind FROM org_units
        WHERE since_version <= @v AND (retired_version IS NULL OR retired_version > @v)
        UNION ALL
        SELECT unit_id, level, code, name, parent_id, 0, kind FROM org_unit_history WHERE from_version <= @v AND to_version > @v
        """;

    private const string PositionsAt =
        """
        SELECT unit_id, kind, holder_name, holder_phone, member_id, agency FROM positions WHERE since_version <= @v
        UNION ALL
        SELECT unit_id, kind, holder_name, holder_phone, member_id, agency FROM position_history WHERE from_version <= @v AND to_version > @v
        """;

    /// <inheritdoc />
    public Task<OrgTreeState> LoadAsync(CancellationToken cancellationToken) => LoadAsync(null, cancellationToken);

    /// <inheritdoc />
    public Task<OrgTreeState> LoadAtVersionAsync(long version, CancellationToken cancellationToken) => LoadAsync(version, cancellationToken);

    /// <inheritdoc />
    public Task<long> VersionAtAsync(DateTimeOffset time, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        var version = await Sql.ScalarAsync<long?>(connection, null,
            "SELECT MAX(version) FROM tree_versions WHERE effective_at <= @at", cancellationToken, ("at", time.ToUnixTimeMilliseconds()));
        return version ?? throw new NotFoundException($"a tree version in effect at {time:u}");
    }, cancellationToken);

    private Task<OrgTreeState> LoadAsync(long? at, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var version = at ?? await Sql.ScalarAsync<long>(connection, transaction, "SELECT version FROM tree_state WHERE id = 1", cancellationToken);
        var units = await Sql.ListAsync(connection, transaction,
            at is null ? "SELECT id, level, code, name, parent_id, version, kind FROM org_units WHERE retired_at IS NULL" : UnitsAt,
            r => new OrgUnit(r.GetInt64(0), (OrgLevel)r.GetInt16(1), r.GetString(2), r.GetString(3), r.NullableInt64(4), r.GetInt64(5))
            {
                Kind = (UnitKind)r.GetInt16(6),
            },
            cancellationToken, at is null ? [] : [("v", version)]);
        var positions = await Sql.ListAsync(connection, transaction,
            at is null ? "SELECT unit_id, kind, holder_name, holder_phone, member_id, agency FROM positions" : PositionsAt,
            r => new Position(r.GetInt64(0), (PositionKind)r.GetInt16(1), r.GetString(2), r.GetString(3), r.NullableInt64(4), r.NullableString(5)),
            cancellationToken, at is null ? [] : [("v", version)]);
        var (rules, departments) = await ResponsibilityLists.LoadAsync(connection, transaction, at, cancellationToken);
        return new OrgTreeState(version, units, positions, rules, departments)
        {
            Organizations = await AttachedOrganizations.LoadAsync(connection, transaction, at is null ? null : version, cancellationToken),
        };
    }, cancellationToken);

    /// <inheritdoc />
    public Task<OrgUnit?> FindRetiredAsync(long id, string code, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        var found = await Sql.ListAsync(connection, null,
            """
            SELECT id, level, code, name, parent_id, version, retired_version, kind FROM org_units
            WHERE retired_at IS NOT NULL AND (id = @id OR code = @code) ORDER BY retired_version DESC LIMIT 1
            """,
            r => new OrgUnit(r.GetInt64(0), (OrgLevel)r.GetInt16(1), r.GetString(2), r.GetString(3), r.NullableInt64(4), r.GetInt64(5))
            {
                Retired = true,
                RetiredVersion = r.GetInt64(6),
                Kind = (UnitKind)r.GetInt16(7),
            },
            cancellationToken, ("id", id), ("code", code));
        return found.Count == 0 ? null : found[0];
    }, cancellationToken);

    /// <inheritdoc />
    public Task<long> VersionAsync(CancellationToken cancellationToken) => database.RunAsync(
        connection => Sql.ScalarAsync<long>(connection, null, "SELECT version FROM tree_state WHERE id = 1", cancellationToken),
        cancellationToken);

    /// <inheritdoc />
    public Task<long> MaxUnitIdAsync(CancellationToken cancellationToken) => database.RunAsync(
        connection => Sql.ScalarAsync<long>(connection, null, "SELECT COALESCE(MAX(id), 0) FROM org_units", cancellationToken),
        cancellationToken);

    /// <inheritdoc />
    public async Task<long> AddUnitsAsync(IReadOnlyList<OrgUnit> units, IReadOnlyList<Position> positions, CancellationToken cancellationToken)
    {
        try
        {
            return await database.WriteAsync(async (connection, transaction) =>
            {
                var since = await TreeVersions.NextAsync(connection, transaction, cancellationToken);
                await database.BulkInsertAsync(connection, transaction, "org_units", UnitColumns,
                    units.Select(u => new object?[] { u.Id, (short)u.Level, u.Code, u.Name, u.ParentId, u.Version, since, (short)u.Kind }), cancellationToken);
                await database.BulkInsertAsync(connection, transaction, "positions", PositionColumns,
                    positions.Select(p => new object?[] { p.UnitId, (short)p.Kind, p.HolderName, p.HolderPhone, p.MemberId, p.Agency, since }),
                    cancellationToken);
                var version = await TreeVersions.BumpAsync(connection, transaction, DateTimeOffset.UtcNow, null, cancellationToken);
                await ChangeFeed.AppendAsync(database, connection, transaction, [(ChangeKind.Tree, version)], cancellationToken);
                return version;
            }, cancellationToken);
        }
        catch (Exception e) when (database.IsUniqueViolation(e))
        {
            throw new RuleViolationException($"a unit code or id is taken already: {e.Message}");
        }
    }

    /// <inheritdoc />
    public Task<long> SaveMatrixAsync(ResponsibilityMatrix list, ListChange change, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var version = await TreeVersions.BumpAsync(connection, transaction, change.At, null, cancellationToken);
            await ResponsibilityLists.WriteAsync(database, connection, transaction, version, list, change, cancellationToken);
            await ChangeFeed.AppendAsync(database, connection, transaction, [(ChangeKind.Tree, version)], cancellationToken);
            return version;
        }, cancellationToken);
}
