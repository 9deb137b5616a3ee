using Hierarchy.Domain.Errors;
using Hierarchy.Domain.People;

namespace Hierarchy.Domain.Tests;

public sealed class MemberLinkPolicyTests
{
    private static readonly LinkPolicy Ordinary = LinkPolicies.Default.Ordinary;
    private static readonly LinkPolicy Central = LinkPolicies.Default.CentralHousehold;

    [Fact]
    public void A_tenth_link_is_allowed() => Ordinary.CheckCanLink(1, 9);

    [Fact]
    public void The_eleventh_link_is_refused()
    {
        var error = Assert.Throws<RuleViolationException>(() => Ordinary.CheckCanLink(1, 10));

        Assert.Contains("at most 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_five_links_is_a_warning_not_an_error() => Assert.Single(Ordinary.Warnings(1, 4));

    [Fact]
    public void Five_links_raise_no_warning() => Assert.Empty(Ordinary.Warnings(1, 5));

    [Fact]
    public void A_central_household_takes_a_thirtieth_link_and_refuses_the_thirty_first()
    {
        Central.CheckCanLink(1, 29);

        Assert.Throws<RuleViolationException>(() => Central.CheckCanLink(1, 30));
    }

    [Fact]
    public void A_central_household_with_fifteen_links_cannot_become_ordinary_until_five_are_unlinked()
    {
        var error = Assert.Throws<RuleViolationException>(() => Ordinary.CheckHolds(1, 15, MemberKind.Ordinary));

        Assert.Contains("unlink 5 first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_whose_maximum_is_below_its_minimum_is_refused_naming_the_setting() =>
        Assert.StartsWith(
            "Hierarchy:LinkPolicy:CentralHousehold:",
            Assert.Throws<InvalidFieldException>(() => (LinkPolicies.Default with { CentralHousehold = new LinkPolicy(20, 10) }).Checked()).Message,
            StringComparison.Ordinal);
}
