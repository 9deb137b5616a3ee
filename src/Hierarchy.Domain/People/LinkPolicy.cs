using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.People;

/// <summary>How many households one kind of member serves: the link past <see cref="Maximum"/> is refused, fewer than <see cref="Minimum"/> is a warning.</summary>
/// <param name="Minimum">Gets the fewest households a member should be linked to.</param>
/// <param name="Maximum">Gets the most households a member may be linked to.</param>
public sealed record LinkPolicy(int Minimum, int Maximum)
{
    /// <summary>Checks that one more link is allowed for a member who has <paramref name="current"/> links.</summary>
    /// <exception cref="RuleViolationException">The member already has the maximum.</exception>
    public void CheckCanLink(long memberId, int current)
    {
        if (current >= Maximum)
        {
            throw new RuleViolationException(
                $"party member {memberId} is already linked to {current} households; at most {Maximum} are allowed");
        }
    }

    /// <summary>Checks that a member with <paramref name="current"/> links may be held to this policy.</summary>
    /// <exception cref="RuleViolationException">The member has more links than this policy allows.</exception>
    public void CheckHolds(long memberId, int current, MemberKind kind)
    {
        if (current > Maximum)
        {
            throw new RuleViolationException(
                $"party member {memberId} is linked to {current} households; a {kind} member may have at most {Maximum}: unlink {current - Maximum} first");
        }
    }

    /// <summary>Gets the warnings about a member with <paramref name="count"/> links.</summary>
    public IReadOnlyList<string> Warnings(long memberId, int count) => count < Minimum
        ? [$"party member {memberId} is linked to {count} households, fewer than the {Minimum} each member should serve"]
        : [];
}
