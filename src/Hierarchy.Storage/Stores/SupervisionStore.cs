using System.Data.Common;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Supervision;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>Supervision orders on either engine; times are Unix milliseconds.</summary>
public sealed class SupervisionStore(Database database) : ISupervisionStore
{
    private const string Columns =
        "id, district_id, target_unit_id, target_department, issue_id, ground, text, copy_to, issued_at, issued_by, due_at, answered_at, answer, answered_by, version";

    /// <inheritdoc />
    public Task<SupervisionOrder> IssueAsync(SupervisionOrder order, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var id = await Sql.ScalarAsync<long>(connection, transaction,
                """
                INSERT INTO supervision_orders (district_id, target_unit_id, target_department, issue_id, ground, text, copy_to, issued_at, issued_by, due_at)
                VALUES (@district, @unit, @department, @issue, @ground, @text, @copy, @at, @by, @due) RETURNING id
                """,
                cancellationToken, ("district", order.DistrictId), ("unit", order.Target.UnitId), ("department", order.Target.DepartmentCode),
                ("issue", order.IssueId), ("ground", (short)order.Ground), ("text", order.Text), ("copy", string.Join('|', order.CopyTo)),
                ("at", order.IssuedAt.ToUnixTimeMilliseconds()), ("by", order.IssuedBy), ("due", order.DueAt.ToUnixTimeMilliseconds()));
            return order with { Id = id };
        }, cancellationToken);

    /// <inheritdoc />
    public Task<SupervisionOrder> GetAsync(long id, CancellationToken cancellationToken) => database.RunAsync(async connection =>
    {
        var found = await Sql.ListAsync(connection, null, $"SELECT {Columns} FROM supervision_orders WHERE id = @id", Read, cancellationToken, ("id", id));
        return found.Count == 1 ? found[0] : throw new NotFoundException($"supervision order {id}");
    }, cancellationToken);

    /// <inheritdoc />
    public Task AnswerAsync(SupervisionOrder answered, long previousVersion, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var changed = await Sql.ExecuteAsync(connection, transaction,
                """
                UPDATE supervision_orders SET answered_at = @at, answer = @answer, answered_by = @by, version = @version
                WHERE id = @id AND version = @previous
                """,
                cancellationToken, ("at", answered.AnsweredAt!.Value.ToUnixTimeMilliseconds()), ("answer", answered.Answer), ("by", answered.AnsweredBy),
                ("version", answered.Version), ("id", answered.Id), ("previous", previousVersion));
            return changed == 1 ? true : throw new VersionConflictException($"supervision order {answered.Id}", previousVersion, previousVersion + 1);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SupervisionOrder>> ListAsync(
        long? districtId, string? department, IReadOnlyCollection<long>? units, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<SupervisionOrder>>(async connection =>
        {
            var where = new List<string> { "issued_at >= @from", "issued_at < @to" };
            var parameters = new List<(string, object?)> { ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds()) };
            if (districtId is { } district)
            {
                where.Add("district_id = @district");
                parameters.Add(("district", district));
            }

            if (department is not null)
            {
                where.Add("target_department = @department");
                parameters.Add(("department", department));
            }

            if (units is not null)
            {
                where.Add(units.Count == 0 ? "1 = 0" : $"target_unit_id IN ({string.Join(", ", units.Select((_, i) => "@u" + i))})");
                parameters.AddRange(units.Select((u, i) => ("u" + i, (object?)u)));
            }

            return await Sql.ListAsync(connection, null, $"SELECT {Columns} FROM supervision_orders WHERE {string.Join(" AND ", where)} ORDER BY id",
                Read, cancellationToken, [.. parameters]);
        }, cancellationToken);

    private static SupervisionOrder Read(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), new IssueOwner(r.NullableInt64(2), r.NullableString(3)), r.NullableInt64(4), (SupervisionGround)r.GetInt16(5),
        r.GetString(6), r.GetString(7).Split('|', StringSplitOptions.RemoveEmptyEntries), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)),
        r.GetString(9), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)))
    {
        AnsweredAt = r.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11)),
        Answer = r.GetString(12),
        AnsweredBy = r.GetString(13),
        Version = r.GetInt64(14),
    };
}
