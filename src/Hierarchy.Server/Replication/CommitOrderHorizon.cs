using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Replication;

/// <summary>
/// How far a reader of positions may go. A position comes from a sequence when its row is inserted, so a transaction that
/// commits late leaves a hole below rows already visible; reading past it would skip that row for good. The reader stops
/// before a hole until it fills, or until every transaction that was running when the hole was first seen has ended and
/// a second has passed (a rolled-back insert leaves a hole for ever).
/// </summary>
public sealed class CommitOrderHorizon(TimeProvider time)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private Holes? _holes;
    private bool _waiting;

    /// <summary>Gets whether a hole is holding the reader back.</summary>
    public bool IsWaiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting;
            }
        }
    }

    /// <summary>Gets how many of <paramref name="positions"/>, all after <paramref name="after"/> and ascending, may be read now.</summary>
    public int Readable(long after, IReadOnlyList<long> positions, TransactionHorizon transactions)
    {
        lock (_lock)
        {
            var expected = after + 1;
            for (var i = 0; i < positions.Count; i++, expected++)
            {
                var position = positions[i];
                if (position == expected)
                {
                    continue;
                }

                // Every hole up to the end of the page that first showed one is judged by that one sighting: a log with
                // many old holes is passed a page at a time, not a second a hole.
                if (_holes is not { } holes || expected > holes.UpTo)
                {
                    _holes = new Holes(positions[^1], transactions.StartedBelow, time.GetTimestamp());
                    _waiting = true;
                    return i;
                }

                if (transactions.EndedBelow < holes.StartedBelow || time.GetElapsedTime(holes.SeenAt) < Patience)
                {
                    _waiting = true;
                    return i;
                }

                // Every writer that could hold the missing positions has ended without them: they were rolled back.
                expected = position;
            }

            _waiting = false;
            return positions.Count;
        }
    }

    /// <summary>Holes seen in positions up to <see cref="UpTo"/>, when transactions below <see cref="StartedBelow"/> had begun.</summary>
    private sealed record Holes(long UpTo, long StartedBelow, long SeenAt);
}
