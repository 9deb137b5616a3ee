using Google.Protobuf;
using Hierarchy.Grpc.WireForm;
using Hierarchy.V1;

namespace Hierarchy.Grpc.Tests;

public sealed class EncodedMessageMarshallerTests
{
    [Fact]
    public void An_encoded_message_is_sent_as_its_segments_one_after_another()
    {
        var place = new OrgUnit { Id = 7, Code = "110112106001001", Name = "1号楼党小组" };
        var owner = new OrgUnit { Id = 5, Code = "110112106001", Name = "群芳园社区第1网格党支部" };
        var message = new EncodedMessage(MessageField.Encode(Resolution.PlaceFieldNumber, place), MessageField.Encode(Resolution.OwnerFieldNumber, owner));

        var sent = WireContexts.Serialize(EncodedMessage.Marshaller, message);

        Assert.Equal(new Resolution { Place = place, Owner = owner }.ToByteArray(), sent);
    }

    [Fact]
    public void A_message_read_back_through_the_marshaller_keeps_its_bytes()
    {
        var bytes = new Resolution { Place = new OrgUnit { Id = 42, Name = "群芳园社区" } }.ToByteArray();

        var read = WireContexts.Deserialize(EncodedMessage.Marshaller, bytes);

        Assert.Equal(bytes, WireContexts.Serialize(EncodedMessage.Marshaller, read));
    }

    [Fact]
    public void A_protobuf_marshaller_round_trips_a_request()
    {
        var request = new ResolveRequest { HouseholdId = 644459, Category = "sewage", MinConsistencyToken = 12 };
        var marshaller = ProtobufMarshaller.For(ResolveRequest.Parser);

        var bytes = WireContexts.Serialize(marshaller, request);

        Assert.Equal(request.ToByteArray(), bytes);
        Assert.Equal(request, WireContexts.Deserialize(marshaller, bytes));
    }
}
