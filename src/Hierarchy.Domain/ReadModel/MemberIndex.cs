using Hierarchy.Domain.People;

namespace Hierarchy.Domain.ReadModel;

/// <summary>Party members by id, with the households each is linked to; changed one member at a time, read without locks.</summary>
public sealed class MemberIndex
{
    private readonly ChunkedArray<MemberEntry?> _members = new();
    private readonly Lock _write = new();
    private long _maxId;

    /// <summary>Gets a member; null when unknown.</summary>
    public MemberEntry? Get(long memberId) => _members.Get(memberId);

    /// <summary>Adds or replaces a member's entry; an entry older than the one held is ignored, so racing writers never roll it back.</summary>
    public void Set(MemberEntry entry)
    {
        lock (_write)
        {
            if (_members.Get(entry.Member.Id) is { } held && held.Member.Version > entry.Member.Version)
            {
                return;
            }

            _members.Set(entry.Member.Id, entry);
            _maxId = Math.Max(_maxId, entry.Member.Id);
        }
    }

    /// <summary>Gets every member, in id order.</summary>
    public IEnumerable<MemberEntry> All()
    {
        var max = Interlocked.Read(ref _maxId);
        for (var id = 1L; id <= max; id++)
        {
            if (_members.Get(id) is { } entry)
            {
                yield return entry;
            }
        }
    }
}

/// <summary>A party member and the households linked to it.</summary>
/// <param name="Member">Gets the member.</param>
/// <param name="Households">Gets the linked household ids, in link order.</param>
public sealed record MemberEntry(PartyMember Member, IReadOnlyList<long> Households);
