using Hierarchy.Domain.Errors;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Server.Startup;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Replication;

/// <summary>
/// Applies the change feed to this replica's read model in order and knows how far it got: its position is the
/// consistency token reads can ask for. Applying an entry twice is harmless, so a catch-up may overlap what a writer applied.
/// </summary>
public sealed class ChangeFeedFollower(
    HierarchyState state, IChangeFeed feed, IOrgTreeStore trees, IHouseholdStore households, IPartyMemberStore members)
{
    private const int Batch = 1000;
    private readonly SemaphoreSlim _catchingUp = new(1, 1);
    private readonly CommitOrderHorizon _horizon = new(TimeProvider.System);
    private long _position;

    /// <summary>Raised with the new position each time entries are applied; tests wait on it instead of sleeping.</summary>
    public event Action<long>? Advanced;

    /// <summary>Gets the position of the last entry applied.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>Gets whether a change committed late is holding this replica back (it catches up again soon).</summary>
    public bool IsWaitingForLateCommit => _horizon.IsWaiting;

    /// <summary>Starts following after <paramref name="position"/>, the feed's end when the read model was loaded.</summary>
    public void StartAt(long position) => Interlocked.Exchange(ref _position, position);

    /// <summary>Applies every entry after the position; returns the new position.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _catchingUp.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var page = await feed.ReadAfterAsync(Position, Batch, cancellationToken);
                var readable = _horizon.Readable(Position, [.. page.Entries.Select(e => e.Position)], page.Transactions);
                if (readable == 0)
                {
                    return Position;
                }

                var entries = page.Entries.Take(readable).ToList();
                if (entries.Any(e => e.Kind == ChangeKind.Tree && e.EntityId > state.Tree.Version))
                {
                    var tree = await trees.LoadAsync(cancellationToken);
                    state.TrySwapTree(tree.Snapshot());
                }

                // Imported households and members are new ids: read from the lowest, after the tree that holds their groups.
                if (LowestOf(entries, ChangeKind.HouseholdsAdded) is { } firstHousehold)
                {
                    await ReadModelLoader.AddHouseholdsAsync(state, households, firstHousehold, cancellationToken);
                }

                if (LowestOf(entries, ChangeKind.MembersAdded) is { } firstMember)
                {
                    await ReadModelLoader.AddMembersAsync(state, members, firstMember, cancellationToken);
                }

                foreach (var member in entries.Where(e => e.Kind == ChangeKind.Member).Select(e => e.EntityId).Distinct())
                {
                    await ReloadMemberAsync(member, cancellationToken);
                }

                Interlocked.Exchange(ref _position, entries[^1].Position);
                Advanced?.Invoke(entries[^1].Position);
            }
        }
        finally
        {
            _catchingUp.Release();
        }
    }

    /// <summary>Checks a read's consistency token: answers only from a replica that has applied it.</summary>
    /// <exception cref="ReplicaBehindException">This replica has not caught up, even after trying once.</exception>
    public async ValueTask RequireAsync(long token, CancellationToken cancellationToken)
    {
        if (token < 0)
        {
            throw new InvalidFieldException("min_consistency_token", $"{token} is negative");
        }

        if (token <= Position)
        {
            return;
        }

        // The notification may be on its way: one catch-up before giving up keeps the common case fast and exact.
        if (await CatchUpAsync(cancellationToken) < token)
        {
            throw new ReplicaBehindException(token, Position);
        }
    }

    private static long? LowestOf(IReadOnlyList<ChangeEntry> entries, ChangeKind kind) =>
        entries.Where(e => e.Kind == kind).Select(e => (long?)e.EntityId).Min();

    private async Task ReloadMemberAsync(long id, CancellationToken cancellationToken)
    {
        LinkedMember fresh;
        try
        {
            fresh = await members.GetAsync(id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return;
        }

        var before = state.Members.Get(id)?.Households ?? [];
        state.Members.Set(new MemberEntry(fresh.Member, fresh.Households));
        foreach (var household in before.Except(fresh.Households).Where(h => state.Households.MemberOf(h) == id))
        {
            state.Households.SetMember(household, 0);
        }

        foreach (var household in fresh.Households)
        {
            state.Households.SetMember(household, id);
        }
    }
}
