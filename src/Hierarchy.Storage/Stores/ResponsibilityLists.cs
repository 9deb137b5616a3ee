using System.Data.Common;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.Responsibility;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>Reads and writes whole copies of the responsibility list, each kept under the tree version it took effect at.</summary>
internal static class ResponsibilityLists
{
    // Before versions were kept a list is known only as it stood when they began: an earlier time gets the first copy.
    private const string VersionAt =
        """
        SELECT COALESCE((SELECT MAX(version) FROM responsibility_lists WHERE version <= @v), (SELECT MIN(version) FROM responsibility_lists))
        """;

    /// <summary>Gets the version of the list in force at a tree version; the newest when <paramref name="treeVersion"/> is null.</summary>
    public static Task<long> VersionAsync(DbConnection connection, DbTransaction? transaction, long? treeVersion, CancellationToken cancellationToken) =>
        Sql.ScalarAsync<long>(connection, transaction, VersionAt, cancellationToken, ("v", treeVersion ?? long.MaxValue));

    /// <summary>Loads the list in force at a tree version; the newest when <paramref name="treeVersion"/> is null.</summary>
    public static async Task<(IReadOnlyList<ResponsibilityRule> Rules, IReadOnlyList<Department> Departments)> LoadAsync(
        DbConnection connection, DbTransaction? transaction, long? treeVersion, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(connection, transaction, treeVersion, cancellationToken);
        var departments = await Sql.ListAsync(connection, transaction, "SELECT code, name FROM responsibility_departments WHERE list_version = @v",
            r => new Department(r.GetString(0), r.GetString(1)), cancellationToken, ("v", version));
        var limits = (await Sql.ListAsync(connection, transaction,
            "SELECT category, level, minutes FROM responsibility_category_limits WHERE list_version = @v",
            r => (Category: r.GetString(0), Level: (OrgLevel)r.GetInt16(1), Limit: TimeSpan.FromMinutes(r.GetInt32(2))), cancellationToken, ("v", version)))
            .ToLookup(l => l.Category);
        var rules = await Sql.ListAsync(connection, transaction,
            """
            SELECT category, name, lowest_level, ceiling_level, lead_department, department_minutes, class_name, cooperating_departments, reply_minutes,
                first_receiver
            FROM responsibility_categories WHERE list_version = @v
            """,
            r => new ResponsibilityRule(r.GetString(0), r.GetString(1), (OrgLevel)r.GetInt16(2), (OrgLevel)r.GetInt16(3), r.GetString(4),
                limits[r.GetString(0)].ToDictionary(l => l.Level, l => l.Limit), TimeSpan.FromMinutes(r.GetInt32(5)), r.GetString(6),
                r.GetString(7).Split('|', StringSplitOptions.RemoveEmptyEntries), TimeSpan.FromMinutes(r.GetInt32(8)))
            {
                FirstReceiver = r.IsDBNull(9) ? null : (AttachedOrganizationKind)r.GetInt16(9),
            },
            cancellationToken, ("v", version));
        return (rules, departments);
    }

    /// <summary>Writes a whole list as the copy in force from <paramref name="version"/> on.</summary>
    public static async Task WriteAsync(
        Database database, DbConnection connection, DbTransaction transaction, long version, ResponsibilityMatrix list, ListChange change,
        CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction,
            "INSERT INTO responsibility_lists (version, changed_at, changed_by, plan_id, summary) VALUES (@v, @at, @by, @plan, @summary)",
            cancellationToken, ("v", version), ("at", change.At.ToUnixTimeMilliseconds()), ("by", change.By), ("plan", change.PlanId),
            ("summary", change.Summary));
        await database.BulkInsertAsync(connection, transaction, "responsibility_departments", ["list_version", "code", "name"],
            list.Departments.Select(d => new object?[] { version, d.Code, d.Name }), cancellationToken);
        await database.BulkInsertAsync(connection, transaction, "responsibility_categories",
            ["list_version", "category", "name", "class_name", "lowest_level", "ceiling_level", "lead_department", "cooperating_departments",
             "department_minutes", "reply_minutes", "first_receiver"],
            list.Rules.Select(r => new object?[]
            {
                version, r.Category, r.Name, r.ClassName, (short)r.LowestLevel, (short)r.CeilingLevel, r.DepartmentCode,
                string.Join('|', r.CooperatingDepartments), (int)r.DepartmentTimeLimit.TotalMinutes, (int)r.ReplyDeadline.TotalMinutes,
                (short?)r.FirstReceiver,
            }),
            cancellationToken);
        await database.BulkInsertAsync(connection, transaction, "responsibility_category_limits", ["list_version", "category", "level", "minutes"],
            list.Rules.SelectMany(r => r.TimeLimits.Select(l => new object?[] { version, r.Category, (short)l.Key, (int)l.Value.TotalMinutes })),
            cancellationToken);
    }
}
