using System.Data.Common;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.People;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>Co-building units on either engine; times are Unix milliseconds.</summary>
public sealed class CoBuildingStore(Database database) : ICoBuildingStore
{
    private const string Columns = "id, community_id, kind, name, contact, phone, registered_at, registered_by";

    /// <inheritdoc />
    public Task<CoBuildingUnit> RegisterAsync(CoBuildingUnit unit, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) => unit with
        {
            Id = await Sql.ScalarAsync<long>(connection, transaction,
                """
                INSERT INTO co_building_units (community_id, kind, name, contact, phone, registered_at, registered_by)
                VALUES (@community, @kind, @name, @contact, @phone, @at, @by) RETURNING id
                """,
                cancellationToken, ("community", unit.CommunityId), ("kind", (short)unit.Kind), ("name", unit.Name), ("contact", unit.Contact),
                ("phone", unit.Phone), ("at", unit.RegisteredAt.ToUnixTimeMilliseconds()), ("by", unit.RegisteredBy)),
        }, cancellationToken);

    /// <inheritdoc />
    public Task<CoBuildingUnit> GetAsync(long id, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        var found = await Sql.ListAsync(connection, null, $"SELECT {Columns} FROM co_building_units WHERE id = @id", Read, cancellationToken, ("id", id));
        return found.Count == 1 ? found[0] : throw new NotFoundException($"co-building unit {id}");
    }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<CoBuildingUnit>> ListAsync(long communityId, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<CoBuildingUnit>>(async connection => await Sql.ListAsync(connection, null,
            $"SELECT {Columns} FROM co_building_units WHERE community_id = @community ORDER BY id", Read, cancellationToken, ("community", communityId)),
            cancellationToken);

    private static CoBuildingUnit Read(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), (CoBuildingKind)r.GetInt16(2), r.GetString(3), r.GetString(4), r.GetString(5),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)), r.GetString(7));
}
