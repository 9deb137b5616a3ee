using Hierarchy.Domain.Errors;
using Hierarchy.Domain.People;

namespace Hierarchy.Domain.Tests;

public sealed class MemberLinkPolicyTests
{
    [Fact]
    public void A_tenth_link_is_allowed() => MemberLinkPolicy.CheckCanLink(1, 9);

    [Fact]
    public void The_eleventh_link_is_refused()
    {
        var error = Assert.Throws<RuleViolationException>(() => MemberLinkPolicy.CheckCanLink(1, 10));

        Assert.Contains("at most 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_five_links_is_a_warning_not_an_error() => Assert.Single(MemberLinkPolicy.Warnings(1, 4));

    [Fact]
    public void Five_links_raise_no_warning() => Assert.Empty(MemberLinkPolicy.Warnings(1, 5));
}
