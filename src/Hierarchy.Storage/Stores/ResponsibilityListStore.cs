using System.Data.Common;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Responsibility;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>Responsibility list plans and history, on either engine.</summary>
public sealed class ResponsibilityListStore(Database database) : IResponsibilityListStore
{
    private const string PlanColumns =
        "id, base_version, departments_csv, categories_csv, summary, created_by, created_at, applied_version, applied_at, applied_by";

    /// <inheritdoc />
    public Task<long> VersionAtAsync(long? treeVersion, CancellationToken cancellationToken) =>
        database.RunAsync(connection => ResponsibilityLists.VersionAsync(connection, null, treeVersion, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<long> SavePlanAsync(
        long baseVersion, string departmentsCsv, string categoriesCsv, string summary, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) => Sql.ScalarAsync<long>(connection, transaction,
            """
            INSERT INTO responsibility_plans (base_version, departments_csv, categories_csv, summary, created_by, created_at)
            VALUES (@base, @departments, @categories, @summary, @by, @at) RETURNING id
            """,
            cancellationToken, ("base", baseVersion), ("departments", departmentsCsv), ("categories", categoriesCsv), ("summary", summary),
            ("by", by), ("at", at.ToUnixTimeMilliseconds())),
            cancellationToken);

    /// <inheritdoc />
    public Task<ListPlan> GetPlanAsync(long id, CancellationToken cancellationToken) =>
        database.RunAsync(connection => ReadPlanAsync(connection, null, id, string.Empty, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<long> ApplyAsync(long planId, ResponsibilityMatrix list, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await Sql.ScalarAsync<long>(connection, transaction, "SELECT version FROM tree_state WHERE id = 1" + database.ForUpdate, cancellationToken);
            var plan = await ReadPlanAsync(connection, transaction, planId, database.ForUpdate, cancellationToken);
            if (plan.AppliedVersion is { } applied)
            {
                return applied;
            }

            var current = await ResponsibilityLists.VersionAsync(connection, transaction, null, cancellationToken);
            if (current != plan.BaseVersion)
            {
                throw new VersionConflictException("the responsibility list", plan.BaseVersion, current);
            }

            var version = await TreeVersions.BumpAsync(connection, transaction, at, null, cancellationToken);
            await ResponsibilityLists.WriteAsync(database, connection, transaction, version, list, new ListChange(at, by, planId, plan.Summary), cancellationToken);
            await Sql.ExecuteAsync(connection, transaction,
                "UPDATE responsibility_plans SET applied_version = @v, applied_at = @at, applied_by = @by WHERE id = @id",
                cancellationToken, ("v", version), ("at", at.ToUnixTimeMilliseconds()), ("by", by), ("id", planId));
            await ChangeFeed.AppendAsync(database, connection, transaction, [(ChangeKind.Tree, version)], cancellationToken);
            return version;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ListVersion>> ListVersionsAsync(int limit, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<ListVersion>>(async connection => await Sql.ListAsync(connection, null,
            "SELECT version, changed_at, changed_by, plan_id, summary FROM responsibility_lists ORDER BY version DESC LIMIT @limit",
            r => new ListVersion(r.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetString(2), r.NullableInt64(3), r.GetString(4)),
            cancellationToken, ("limit", limit)), cancellationToken);

    private static async Task<ListPlan> ReadPlanAsync(
        DbConnection connection, DbTransaction? transaction, long id, string lockClause, CancellationToken cancellationToken)
    {
        var plans = await Sql.ListAsync(connection, transaction, $"SELECT {PlanColumns} FROM responsibility_plans WHERE id = @id{lockClause}",
            r => new ListPlan(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)), r.NullableInt64(7),
                r.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)), r.NullableString(9)),
            cancellationToken, ("id", id));
        return plans.Count == 1 ? plans[0] : throw new NotFoundException($"responsibility list plan {id}");
    }
}
