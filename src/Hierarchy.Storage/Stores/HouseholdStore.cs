using System.Data.Common;
using System.Runtime.CompilerServices;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.People;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>The household store, on either engine.</summary>
public sealed class HouseholdStore(Database database) : IHouseholdStore
{
    internal const string Columns = "h.id, h.building_group_id, h.building, h.entrance, h.room, h.head_name, h.phone, h.version";

    /// <inheritdoc />
    public Task AddAsync(IReadOnlyList<Household> households, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await database.BulkInsertAsync(connection, transaction, "households",
                ["id", "building_group_id", "building", "entrance", "room", "head_name", "phone", "version"],
                households.Select(h => new object?[]
                {
                    h.Id, h.BuildingGroupId, h.Address.Building, h.Address.Entrance, h.Address.Room, h.HeadName, h.Phone, h.Version,
                }),
                cancellationToken);
            if (households.Count > 0)
            {
                await ChangeFeed.AppendAsync(
                    database, connection, transaction, [(ChangeKind.HouseholdsAdded, households.Min(h => h.Id))], cancellationToken);
            }

            return 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<Household> GetAsync(long id, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        var rows = await Sql.ListAsync(connection, null, $"SELECT {Columns} FROM households h WHERE h.id = @id", Read, cancellationToken, ("id", id));
        return rows.Count == 1 ? rows[0] : throw new NotFoundException($"household {id}");
    }, cancellationToken);

    /// <inheritdoc />
    public Task<long> MaxIdAsync(CancellationToken cancellationToken) => database.RunAsync(
        connection => Sql.ScalarAsync<long>(connection, null, "SELECT COALESCE(MAX(id), 0) FROM households", cancellationToken),
        cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<HouseholdPlacement> ReadPlacementsAsync(long fromId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            "SELECT id, building_group_id FROM households WHERE id >= @from", ("from", fromId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new HouseholdPlacement(reader.GetInt64(0), reader.GetInt64(1));
        }
    }

    internal static Household Read(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), new Address(r.GetString(2), r.GetString(3), r.GetString(4)), r.GetString(5), r.GetString(6), r.GetInt64(7));
}
