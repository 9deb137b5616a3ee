using Hierarchy.Domain.ReadModel;
using Hierarchy.Grpc.WireForm;

namespace Hierarchy.Server.Services;

/// <summary>
/// The encoded <c>linked_member</c> field of a Resolution as most callers see it (name and phone masked), for recently
/// resolved members: a bounded direct-mapped cache, so a busy member costs no allocation and a million members no memory.
/// A member's entry is replaced whenever the member changes, so an entry found by reference is never stale.
/// </summary>
internal sealed class MaskedMemberFields
{
    private const int Slots = 1 << 16;
    private readonly Slot?[] _slots = new Slot?[Slots];

    /// <summary>Gets the masked field for <paramref name="member"/>, encoding it unless the slot holds this very entry.</summary>
    public byte[] For(MemberEntry member)
    {
        ref var slot = ref _slots[(int)(member.Member.Id & (Slots - 1))];
        if (Volatile.Read(ref slot) is { } held && ReferenceEquals(held.Member, member))
        {
            return held.Field;
        }

        var field = MessageField.Encode(V1.Resolution.LinkedMemberFieldNumber, ProtoMapping.LinkedMember(member.Member, personalData: false));
        Volatile.Write(ref slot, new Slot(member, field));
        return field;
    }

    private sealed record Slot(MemberEntry Member, byte[] Field);
}
