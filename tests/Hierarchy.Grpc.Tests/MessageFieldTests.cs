using Google.Protobuf;
using Hierarchy.Grpc.WireForm;
using Hierarchy.V1;

namespace Hierarchy.Grpc.Tests;

public sealed class MessageFieldTests
{
    [Fact]
    public void An_encoded_field_is_the_enclosing_message_holding_only_that_field()
    {
        var member = new Person { MemberId = 1_127_427, Name = "王*", Phone = "138****5678" };

        var field = MessageField.Encode(Resolution.LinkedMemberFieldNumber, member);

        Assert.Equal(new Resolution { LinkedMember = member }.ToByteArray(), field);
    }

    [Fact]
    public void A_field_longer_than_127_bytes_carries_a_multi_byte_length()
    {
        var unit = new OrgUnit { Id = 42, Code = "110112106001001", Name = string.Concat(Enumerable.Repeat("梨园镇群芳园社区", 20)) };

        var field = MessageField.Encode(Resolution.PlaceFieldNumber, unit);

        Assert.Equal(new Resolution { Place = unit }.ToByteArray(), field);
        Assert.Equal(unit, Resolution.Parser.ParseFrom(field).Place);
    }
}
