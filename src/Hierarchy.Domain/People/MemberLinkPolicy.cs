using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.People;

/// <summary>党员联户: each party member is linked to 5–10 households; the 11th link is refused, fewer than 5 is a warning.</summary>
public static class MemberLinkPolicy
{
    /// <summary>Gets the most households one member may be linked to.</summary>
    public const int Maximum = 10;

    /// <summary>Gets the fewest households a member should be linked to.</summary>
    public const int Minimum = 5;

    /// <summary>Checks that one more link is allowed for a member who has <paramref name="current"/> links.</summary>
    /// <exception cref="RuleViolationException">The member already has the maximum.</exception>
    public static void CheckCanLink(long memberId, int current)
    {
        if (current >= Maximum)
        {
            throw new RuleViolationException(
                $"party member {memberId} is already linked to {current} households; at most {Maximum} are allowed");
        }
    }

    /// <summary>Gets the warnings about a member with <paramref name="count"/> links.</summary>
    public static IReadOnlyList<string> Warnings(long memberId, int count) => count < Minimum
        ? [$"party member {memberId} is linked to {count} households, fewer than the {Minimum} each member should serve"]
        : [];
}
