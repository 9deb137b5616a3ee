namespace Hierarchy.Domain.People;

/// <summary>党员: a party member, belonging to one unit and linked to households (党员联户) under their kind's policy.</summary>
/// <param name="Id">Gets the stable id.</param>
/// <param name="Name">Gets the name (personal data).</param>
/// <param name="Phone">Gets the phone (personal data).</param>
/// <param name="UnitId">Gets the unit the member belongs to, usually a building group or grid.</param>
/// <param name="Version">Gets the row version, bumped by every link change.</param>
public sealed record PartyMember(long Id, string Name, string Phone, long UnitId, long Version)
{
    private readonly MemberKind _kind;

    /// <summary>Gets what the member is in the household links; ordinary unless set.</summary>
    public MemberKind Kind
    {
        get => _kind == 0 ? MemberKind.Ordinary : _kind;
        init => _kind = value;
    }
}
