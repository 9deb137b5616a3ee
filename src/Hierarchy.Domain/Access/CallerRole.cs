namespace Hierarchy.Domain.Access;

/// <summary>What a caller is: another service, a party member, or an admin of a subtree.</summary>
public enum CallerRole
{
    /// <summary>Another service (the 12345 dispatch platform, grid apps): reads everything, personal data masked.</summary>
    Service,

    /// <summary>A party member: sees its own households.</summary>
    Member,

    /// <summary>An admin of one unit's subtree.</summary>
    Admin,
}
