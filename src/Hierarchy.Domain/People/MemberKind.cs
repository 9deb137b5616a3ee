namespace Hierarchy.Domain.People;

/// <summary>What a party member is in the household links (党员联户).</summary>
public enum MemberKind
{
    /// <summary>A member linked to the ordinary number of households.</summary>
    Ordinary = 1,

    /// <summary>党员中心户: a member whose home is a contact point for more households (Weidu's villages).</summary>
    CentralHousehold = 2,
}
