using Hierarchy.Domain.People;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Server.Services;

namespace Hierarchy.Server.Tests;

public sealed class MaskedMemberFieldsTests
{
    private static readonly MemberEntry Wang = new(new PartyMember(1_127_427, "王建国", "13812345678", 42, 1), [1, 2, 3, 4, 5]);

    [Fact]
    public void A_member_resolved_again_gets_the_same_encoded_field_without_encoding_it_again()
    {
        var fields = new MaskedMemberFields();

        Assert.Same(fields.For(Wang), fields.For(Wang));
    }

    [Fact]
    public void A_changed_member_is_encoded_afresh_and_stays_masked()
    {
        var fields = new MaskedMemberFields();
        var before = fields.For(Wang);
        var moved = Wang with { Member = Wang.Member with { Phone = "13987654321", Version = 2 } };

        var after = V1.Resolution.Parser.ParseFrom(fields.For(moved)).LinkedMember;

        Assert.NotEqual(before, fields.For(moved));
        Assert.Equal("139****4321", after.Phone);
        Assert.DoesNotContain("建国", after.Name, StringComparison.Ordinal);
    }
}
