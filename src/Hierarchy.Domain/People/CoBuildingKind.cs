namespace Hierarchy.Domain.People;

/// <summary>Who registers with a community under 双报到.</summary>
public enum CoBuildingKind
{
    /// <summary>An organisation: a government unit, a company, a school (单位报到).</summary>
    Organisation = 1,

    /// <summary>A party member in service elsewhere who lives in the community (在职党员报到).</summary>
    InServiceMember = 2,
}
