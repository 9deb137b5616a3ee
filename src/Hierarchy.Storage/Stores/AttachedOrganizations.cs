using System.Data.Common;
using System.Globalization;
using Hierarchy.Domain.Organization;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>How attached organisations map to rows: one row per organisation and tree version range, units and categories as lists.</summary>
internal static class AttachedOrganizations
{
    public const string Columns = "id, kind, name, district_id, unit_ids, categories, contact, phone";

    /// <summary>Loads the organisations in force at a version, or now.</summary>
    public static async Task<IReadOnlyList<AttachedOrganization>> LoadAsync(
        DbConnection connection, DbTransaction transaction, long? at, CancellationToken cancellationToken) =>
        await Sql.ListAsync(connection, transaction,
            at is null
                ? $"SELECT {Columns} FROM attached_organizations WHERE retired_version IS NULL ORDER BY id"
                : $"SELECT {Columns} FROM attached_organizations WHERE since_version <= @v AND (retired_version IS NULL OR retired_version > @v) ORDER BY id",
            Read, cancellationToken, at is null ? [] : [("v", at.Value)]);

    /// <summary>Writes an organisation's row in force from <paramref name="version"/>.</summary>
    public static Task InsertAsync(
        DbConnection connection, DbTransaction transaction, AttachedOrganization o, long version, string by, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, transaction,
            """
            INSERT INTO attached_organizations (id, since_version, kind, name, district_id, unit_ids, categories, contact, phone, changed_by)
            VALUES (@id, @v, @kind, @name, @district, @units, @categories, @contact, @phone, @by)
            """,
            cancellationToken, ("id", o.Id), ("v", version), ("kind", (short)o.Kind), ("name", o.Name), ("district", o.DistrictId),
            ("units", string.Join(',', o.UnitIds.Select(id => id.ToString(CultureInfo.InvariantCulture)))),
            ("categories", string.Join(',', o.Categories)), ("contact", o.Contact), ("phone", o.Phone), ("by", by));

    /// <summary>Ends the row in force of an organisation at <paramref name="version"/>; false when none is in force.</summary>
    public static async Task<bool> RetireAsync(DbConnection connection, DbTransaction transaction, long id, long version, CancellationToken cancellationToken) =>
        await Sql.ExecuteAsync(connection, transaction,
            "UPDATE attached_organizations SET retired_version = @v WHERE id = @id AND retired_version IS NULL", cancellationToken,
            ("id", id), ("v", version)) == 1;

    /// <summary>Gets the next organisation id; the caller holds the tree version's lock, so no other writer takes it.</summary>
    public static Task<long> NextIdAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Sql.ScalarAsync<long>(connection, transaction, "SELECT COALESCE(MAX(id), 0) + 1 FROM attached_organizations", cancellationToken);

    private static AttachedOrganization Read(DbDataReader r) => new(
        r.GetInt64(0), (AttachedOrganizationKind)r.GetInt16(1), r.GetString(2), r.GetInt64(3),
        [.. r.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => long.Parse(id, CultureInfo.InvariantCulture))],
        r.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries), r.GetString(6), r.GetString(7));
}
