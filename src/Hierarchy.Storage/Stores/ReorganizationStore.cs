using System.Data.Common;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.Reorganization;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>Reorganisation plans on either engine; applying one keeps each changed row's previous state as history.</summary>
public sealed class ReorganizationStore(Database database) : IReorganizationStore
{
    private const string PlanColumns =
        "id, base_version, request, summary, created_by, created_at, applied_version, applied_at, applied_by, district_id";

    /// <inheritdoc />
    public Task<long> SavePlanAsync(
        long baseVersion, long districtId, byte[] request, string summary, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) => Sql.ScalarAsync<long>(connection, transaction,
            """
            INSERT INTO reorganization_plans (base_version, district_id, request, summary, created_by, created_at)
            VALUES (@base, @district, @request, @summary, @by, @at) RETURNING id
            """,
            cancellationToken, ("base", baseVersion), ("district", districtId), ("request", request), ("summary", summary), ("by", by), ("at", at.ToUnixTimeMilliseconds())),
            cancellationToken);

    /// <inheritdoc />
    public Task<StoredPlan> GetPlanAsync(long id, CancellationToken cancellationToken) =>
        database.RunAsync(connection => ReadPlanAsync(connection, null, id, string.Empty, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredPlan>> ListAppliedAsync(int limit, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<StoredPlan>>(async connection => await Sql.ListAsync(connection, null,
            $"SELECT {PlanColumns} FROM reorganization_plans WHERE applied_version IS NOT NULL ORDER BY applied_version DESC LIMIT @limit",
            Read, cancellationToken, ("limit", limit)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Issue>> OpenIssuesOwnedByAsync(IReadOnlyCollection<long> units, CancellationToken cancellationToken) =>
        database.RunAsync(connection => OpenIssuesAsync(connection, null, units, string.Empty, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<long> ApplyAsync(
        long planId, long expectedVersion, ReorganizationEffect effect, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var current = await Sql.ScalarAsync<long>(connection, transaction, "SELECT version FROM tree_state WHERE id = 1" + database.ForUpdate, cancellationToken);
            var plan = await ReadPlanAsync(connection, transaction, planId, database.ForUpdate, cancellationToken);
            if (plan.AppliedVersion is { } applied)
            {
                return applied;
            }

            if (current != expectedVersion || current != plan.BaseVersion)
            {
                throw new VersionConflictException("the org tree", expectedVersion == plan.BaseVersion ? expectedVersion : plan.BaseVersion, current);
            }

            var version = current + 1;
            var statements = new List<(string, (string, object?)[])>();
            foreach (var (_, after) in effect.Changed)
            {
                statements.Add((KeepHistory, [("id", after.Id), ("v", version)]));
                statements.Add(("UPDATE org_units SET code = @temp WHERE id = @id", [("id", after.Id), ("temp", $"~{after.Id}")]));
            }

            // Created units exist before changed ones move under them; changed ones hold temporary codes by then.
            foreach (var unit in effect.Created)
            {
                statements.Add((
                    "INSERT INTO org_units (id, level, code, name, parent_id, version, since_version, kind) VALUES (@id, @level, @code, @name, @parent, 1, @v, @kind)",
                    [("id", unit.Id), ("level", (short)unit.Level), ("code", unit.Code), ("name", unit.Name), ("parent", unit.ParentId), ("v", version), ("kind", (short)unit.Kind)]));
            }

            foreach (var (_, after) in effect.Changed)
            {
                statements.Add((
                    "UPDATE org_units SET parent_id = @parent, code = @code, name = @name, kind = @kind, version = version + 1, since_version = @v WHERE id = @id",
                    [("id", after.Id), ("parent", after.ParentId), ("code", after.Code), ("name", after.Name), ("kind", (short)after.Kind), ("v", version)]));
            }

            foreach (var unit in effect.Retired)
            {
                statements.Add((KeepHistory, [("id", unit.Id), ("v", version)]));
                statements.Add((
                    "UPDATE org_units SET retired_at = @at, retired_version = @v, since_version = @v, version = version + 1 WHERE id = @id",
                    [("id", unit.Id), ("v", version), ("at", at.UtcDateTime)]));
            }

            foreach (var position in effect.PositionsVacated.Concat(effect.PositionsAssigned))
            {
                statements.Add((KeepPositionHistory, [("unit", position.UnitId), ("kind", (short)position.Kind), ("v", version)]));
                statements.Add(("DELETE FROM positions WHERE unit_id = @unit AND kind = @kind", [("unit", position.UnitId), ("kind", (short)position.Kind)]));
            }

            foreach (var p in effect.PositionsAssigned)
            {
                statements.Add((
                    """
                    INSERT INTO positions (unit_id, kind, holder_name, holder_phone, member_id, agency, since_version)
                    VALUES (@unit, @kind, @name, @phone, @member, @agency, @v)
                    """,
                    [("unit", p.UnitId), ("kind", (short)p.Kind), ("name", p.HolderName), ("phone", p.HolderPhone), ("member", p.MemberId),
                        ("agency", p.Agency), ("v", version)]));
            }

            foreach (var (member, _, to) in effect.MembersMoved)
            {
                statements.Add(("UPDATE party_members SET unit_id = @unit, version = version + 1 WHERE id = @id", [("id", member), ("unit", to)]));
            }

            await Sql.ExecuteBatchAsync(connection, transaction, statements, cancellationToken);
            await RerouteAsync(connection, transaction, effect, planId, by, at, cancellationToken);
            await ReplaceIssuesAsync(connection, transaction, effect, cancellationToken);
            var bumped = await TreeVersions.BumpAsync(connection, transaction, at, planId, cancellationToken);
            await ChangeFeed.AppendAsync(database, connection, transaction,
                effect.MembersMoved.Select(m => (ChangeKind.Member, m.Member)).Append((ChangeKind.Tree, bumped)), cancellationToken);
            await Sql.ExecuteAsync(connection, transaction,
                "UPDATE reorganization_plans SET applied_version = @v, applied_at = @at, applied_by = @by WHERE id = @id", cancellationToken,
                ("v", bumped), ("at", at.ToUnixTimeMilliseconds()), ("by", by), ("id", planId));
            return bumped;
        }, cancellationToken);

    private const string KeepHistory =
        """
        INSERT INTO org_unit_history (unit_id, from_version, to_version, level, code, name, parent_id, kind)
        SELECT id, since_version, @v, level, code, name, parent_id, kind FROM org_units WHERE id = @id
        """;

    private const string KeepPositionHistory =
        """
        INSERT INTO position_history (unit_id, kind, holder_name, holder_phone, member_id, agency, from_version, to_version)
        SELECT unit_id, kind, holder_name, holder_phone, member_id, agency, since_version, @v FROM positions WHERE unit_id = @unit AND kind = @kind
        """;

    private async Task RerouteAsync(
        DbConnection connection, DbTransaction transaction, ReorganizationEffect effect, long planId, string by, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (effect.Successors.Count == 0)
        {
            return;
        }

        var issues = await OpenIssuesAsync(connection, transaction, effect.Successors.Keys, database.ForUpdate, cancellationToken);
        var statements = new List<(string, (string, object?)[])>();
        foreach (var issue in issues)
        {
            var reason = $"reorganisation {planId} retired unit {issue.Owner.UnitId}; unit {effect.Successors[issue.Owner.UnitId!.Value]} took it over";
            if (issue.Reroute(at, by, effect.Successors, reason) is { } step)
            {
                var chain = issue.ChainAfter(effect.Successors);
                statements.AddRange(IssueStore.Append(issue, [step]));
                var route = issue.RouteAfter(effect.Successors);
                statements.Add(("UPDATE issues SET chain = @chain, route = @route WHERE id = @id",
                    [("chain", IssueRows.EncodeChain(chain)), ("route", route is null ? null : IssueRows.EncodeChain(route)), ("id", issue.Id)]));
            }
        }

        await Sql.ExecuteBatchAsync(connection, transaction, statements, cancellationToken);
    }

    // Statistics and lists count an issue under the units above its place; where a plan moved that place, so do its issues.
    private static async Task ReplaceIssuesAsync(DbConnection connection, DbTransaction transaction, ReorganizationEffect effect, CancellationToken cancellationToken)
    {
        var statements = new List<(string, (string, object?)[])>();
        foreach (var after in effect.Changed.Where(c => c.After.Level == OrgLevel.BuildingGroup && c.Before.ParentId != c.After.ParentId).Select(c => c.After))
        {
            statements.Add((PlacedUnder("building_group_id = @unit", "@grid"), [("unit", after.Id), ("grid", after.ParentId)]));
        }

        foreach (var (retired, successor) in effect.Successors)
        {
            // Issues placed at a retired grid itself, not in one of its building groups, go to the grid that took it over.
            statements.Add((PlacedUnder("grid_id = @unit AND building_group_id IS NULL", "@grid"), [("unit", retired), ("grid", successor)]));
        }

        await Sql.ExecuteBatchAsync(connection, transaction, statements, cancellationToken);
    }

    private static string PlacedUnder(string where, string grid) =>
        $"""
        UPDATE issues SET
            grid_id = {grid},
            community_id = (SELECT g.parent_id FROM org_units g WHERE g.id = {grid}),
            street_id = (SELECT c.parent_id FROM org_units g JOIN org_units c ON c.id = g.parent_id WHERE g.id = {grid}),
            district_id = (SELECT s.parent_id FROM org_units g JOIN org_units c ON c.id = g.parent_id JOIN org_units s ON s.id = c.parent_id WHERE g.id = {grid})
        WHERE {where}
        """;

    private static async Task<IReadOnlyList<Issue>> OpenIssuesAsync(
        DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<long> units, string lockClause, CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
            return [];
        }

        var names = units.Select((_, i) => "@u" + i).ToArray();
        return await IssueStore.SelectAsync(connection, transaction,
            $"i.owner_unit_id IN ({string.Join(", ", names)}) AND i.status NOT IN ({(short)IssueStatus.Resolved}, {(short)IssueStatus.Closed})",
            lockClause, cancellationToken, [.. units.Select((u, i) => ("u" + i, (object?)u))]);
    }

    private static async Task<StoredPlan> ReadPlanAsync(
        DbConnection connection, DbTransaction? transaction, long id, string lockClause, CancellationToken cancellationToken)
    {
        var plans = await Sql.ListAsync(connection, transaction, $"SELECT {PlanColumns} FROM reorganization_plans WHERE id = @id{lockClause}", Read,
            cancellationToken, ("id", id));
        return plans.Count == 1 ? plans[0] : throw new NotFoundException($"reorganisation plan {id}");
    }

    private static StoredPlan Read(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), (byte[])r.GetValue(2), r.GetString(3), r.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
        r.NullableInt64(6), r.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)), r.NullableString(8), r.NullableInt64(9));
}
