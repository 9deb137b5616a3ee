using System.Data.Common;
using System.Runtime.CompilerServices;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.People;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Storage.Stores;

/// <summary>The party member store, on either engine. Link changes lock the member row and bump its version.</summary>
public sealed class PartyMemberStore(Database database) : IPartyMemberStore
{
    /// <inheritdoc />
    public Task AddAsync(IReadOnlyList<PartyMember> members, IReadOnlyList<MemberLink> links, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await database.BulkInsertAsync(connection, transaction, "party_members", ["id", "name", "phone", "unit_id", "version", "kind"],
                members.Select(m => new object?[] { m.Id, m.Name, m.Phone, m.UnitId, m.Version, (short)m.Kind }), cancellationToken);
            var now = DateTime.UtcNow;
            await database.BulkInsertAsync(connection, transaction, "member_households", ["household_id", "member_id", "linked_at"],
                links.Select(l => new object?[] { l.HouseholdId, l.MemberId, now }), cancellationToken);
            if (members.Count > 0)
            {
                await ChangeFeed.AppendAsync(
                    database, connection, transaction, [(ChangeKind.MembersAdded, members.Min(m => m.Id))], cancellationToken);
            }

            return 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<LinkedMember> GetAsync(long id, CancellationToken cancellationToken) =>
        database.RunAsync(connection => ReadMemberAsync(connection, null, id, lockRow: false, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Household>> ListHouseholdsAsync(long memberId, long afterHouseholdId, int limit, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<Household>>(async connection => await Sql.ListAsync(connection, null,
            $"""
            SELECT {HouseholdStore.Columns} FROM member_households l JOIN households h ON h.id = l.household_id
            WHERE l.member_id = @member AND l.household_id > @after ORDER BY l.household_id LIMIT @limit
            """,
            HouseholdStore.Read, cancellationToken, ("member", memberId), ("after", afterHouseholdId), ("limit", limit)), cancellationToken);

    /// <inheritdoc />
    public Task<LinkedMember> LinkAsync(long memberId, long householdId, long expectedVersion, LinkPolicies policies, CancellationToken cancellationToken) =>
        ChangeLinkAsync(memberId, householdId, expectedVersion, policies, cancellationToken);

    /// <inheritdoc />
    public Task<LinkedMember> UnlinkAsync(long memberId, long householdId, long expectedVersion, CancellationToken cancellationToken) =>
        ChangeLinkAsync(memberId, householdId, expectedVersion, null, cancellationToken);

    /// <inheritdoc />
    public Task<LinkedMember> SetKindAsync(long memberId, MemberKind kind, long expectedVersion, LinkPolicies policies, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var member = await ReadMemberAsync(connection, transaction, memberId, lockRow: true, cancellationToken);
            if (expectedVersion != 0 && member.Member.Version != expectedVersion)
            {
                throw new VersionConflictException($"party member {memberId}", expectedVersion, member.Member.Version);
            }

            if (member.Member.Kind == kind)
            {
                return member;
            }

            policies.For(kind).CheckHolds(memberId, member.Households.Count, kind);
            await Sql.ExecuteAsync(connection, transaction, "UPDATE party_members SET kind = @kind, version = version + 1 WHERE id = @m", cancellationToken,
                ("kind", (short)kind), ("m", memberId));
            await ChangeFeed.AppendAsync(database, connection, transaction, [(ChangeKind.Member, memberId)], cancellationToken);
            return await ReadMemberAsync(connection, transaction, memberId, lockRow: false, cancellationToken);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<long> MaxIdAsync(CancellationToken cancellationToken) => database.RunAsync(
        connection => Sql.ScalarAsync<long>(connection, null, "SELECT COALESCE(MAX(id), 0) FROM party_members", cancellationToken),
        cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<LinkedMember> ReadAllAsync(long fromId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            """
            SELECT m.id, m.name, m.phone, m.unit_id, m.version, l.household_id, m.kind
            FROM party_members m LEFT JOIN member_households l ON l.member_id = m.id
            WHERE m.id >= @from
            ORDER BY m.id, l.household_id
            """, ("from", fromId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        PartyMember? current = null;
        var households = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            if (current is not null && current.Id != id)
            {
                yield return new LinkedMember(current, [.. households]);
                households.Clear();
            }

            if (current?.Id != id)
            {
                current = new PartyMember(id, reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4))
                {
                    Kind = (MemberKind)reader.GetInt16(6),
                };
            }

            if (reader.NullableInt64(5) is { } household)
            {
                households.Add(household);
            }
        }

        if (current is not null)
        {
            yield return new LinkedMember(current, [.. households]);
        }
    }

    // A link is checked against its member's kind's policy; an unlink (no policies) needs none.
    private Task<LinkedMember> ChangeLinkAsync(long memberId, long householdId, long expectedVersion, LinkPolicies? policies, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var member = await ReadMemberAsync(connection, transaction, memberId, lockRow: true, cancellationToken);
            if (expectedVersion != 0 && member.Member.Version != expectedVersion)
            {
                throw new VersionConflictException($"party member {memberId}", expectedVersion, member.Member.Version);
            }

            var holder = await Sql.ListAsync(connection, transaction,
                "SELECT h.id, l.member_id FROM households h LEFT JOIN member_households l ON l.household_id = h.id WHERE h.id = @h",
                r => r.NullableInt64(1) ?? 0, cancellationToken, ("h", householdId));
            if (holder.Count == 0)
            {
                throw new NotFoundException($"household {householdId}");
            }

            if (policies is not null)
            {
                if (holder[0] == memberId)
                {
                    return member;
                }

                if (holder[0] != 0)
                {
                    throw new RuleViolationException($"household {householdId} is already linked to party member {holder[0]}; unlink it first");
                }

                policies.For(member.Member.Kind).CheckCanLink(memberId, member.Households.Count);
                await Sql.ExecuteAsync(connection, transaction,
                    "INSERT INTO member_households (household_id, member_id, linked_at) VALUES (@h, @m, @at)", cancellationToken,
                    ("h", householdId), ("m", memberId), ("at", DateTime.UtcNow));
            }
            else
            {
                if (holder[0] != memberId)
                {
                    throw new RuleViolationException($"household {householdId} is not linked to party member {memberId}");
                }

                await Sql.ExecuteAsync(connection, transaction,
                    "DELETE FROM member_households WHERE household_id = @h AND member_id = @m", cancellationToken, ("h", householdId), ("m", memberId));
            }

            await Sql.ExecuteAsync(connection, transaction, "UPDATE party_members SET version = version + 1 WHERE id = @m", cancellationToken, ("m", memberId));
            await ChangeFeed.AppendAsync(database, connection, transaction, [(ChangeKind.Member, memberId)], cancellationToken);
            return await ReadMemberAsync(connection, transaction, memberId, lockRow: false, cancellationToken);
        }, cancellationToken);

    private async Task<LinkedMember> ReadMemberAsync(
        DbConnection connection, DbTransaction? transaction, long id, bool lockRow, CancellationToken cancellationToken)
    {
        var members = await Sql.ListAsync(connection, transaction,
            "SELECT id, name, phone, unit_id, version, kind FROM party_members WHERE id = @id" + (lockRow ? database.ForUpdate : string.Empty),
            r => new PartyMember(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4)) { Kind = (MemberKind)r.GetInt16(5) },
            cancellationToken, ("id", id));
        if (members.Count == 0)
        {
            throw new NotFoundException($"party member {id}");
        }

        var households = await Sql.ListAsync(connection, transaction,
            "SELECT household_id FROM member_households WHERE member_id = @id ORDER BY household_id", r => r.GetInt64(0), cancellationToken, ("id", id));
        return new LinkedMember(members[0], households);
    }
}
