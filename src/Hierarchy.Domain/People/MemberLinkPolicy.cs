namespace Hierarchy.Domain.People;

/// <summary>党员联户 as most cities set it: each ordinary party member is linked to 5–10 households (the default <see cref="LinkPolicies"/>).</summary>
public static class MemberLinkPolicy
{
    /// <summary>Gets the most households an ordinary member may be linked to by default.</summary>
    public const int Maximum = 10;

    /// <summary>Gets the fewest households an ordinary member should be linked to by default.</summary>
    public const int Minimum = 5;
}
