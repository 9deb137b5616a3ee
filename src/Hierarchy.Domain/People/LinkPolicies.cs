using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.People;

/// <summary>The city's link policy per kind of member; ordinary members serve 5–10 households unless the city says otherwise.</summary>
/// <param name="Ordinary">Gets the policy of ordinary members.</param>
/// <param name="CentralHousehold">Gets the policy of central households (党员中心户).</param>
public sealed record LinkPolicies(LinkPolicy Ordinary, LinkPolicy CentralHousehold)
{
    /// <summary>Gets the default: ordinary members 5–10 households, central households 10–30.</summary>
    public static LinkPolicies Default { get; } = new(
        new LinkPolicy(MemberLinkPolicy.Minimum, MemberLinkPolicy.Maximum), new LinkPolicy(10, 30));

    /// <summary>Gets the policy of <paramref name="kind"/>.</summary>
    public LinkPolicy For(MemberKind kind) => kind == MemberKind.CentralHousehold ? CentralHousehold : Ordinary;

    /// <summary>Checks that every policy is a range of at least one household.</summary>
    /// <exception cref="InvalidFieldException">A policy is empty or negative.</exception>
    public LinkPolicies Checked()
    {
        foreach (var (name, policy) in new[] { ("Ordinary", Ordinary), ("CentralHousehold", CentralHousehold) })
        {
            if (policy.Minimum < 0 || policy.Maximum < 1 || policy.Maximum < policy.Minimum)
            {
                throw new InvalidFieldException($"Hierarchy:LinkPolicy:{name}", $"{policy.Minimum}–{policy.Maximum} is not a range of households");
            }
        }

        return this;
    }
}
