using Google.Protobuf;
using Hierarchy.Grpc.WireForm;
using Hierarchy.V1;

namespace Hierarchy.Grpc.Tests;

public sealed class EncodedMessageWriterTests
{
    [Fact]
    public void A_response_assembled_from_encoded_parts_is_byte_for_byte_the_one_built_whole()
    {
        var place = new OrgUnit { Id = 7, Code = "110112106001001", Name = "1号楼党小组" };
        var owner = new OrgUnit { Id = 5, Code = "110112106001", Name = "群芳园社区第1网格党支部" };
        var failed = new ResolveBatchResult { ErrorCode = 5, ErrorMessage = "household 99999999 not found" };
        var whole = new ResolveBatchResponse { TreeVersion = 300 };
        whole.Results.Add(new ResolveBatchResult { Resolution = new Resolution { Place = place, Owner = owner } });
        whole.Results.Add(failed);

        var parts = new EncodedMessage(
            MessageField.Encode(Resolution.PlaceFieldNumber, place), MessageField.Encode(Resolution.OwnerFieldNumber, owner));
        var writer = new EncodedMessageWriter(16);
        writer.LengthDelimited(
            ResolveBatchResponse.ResultsFieldNumber, EncodedMessageWriter.FieldSize(ResolveBatchResult.ResolutionFieldNumber, parts.Length));
        writer.LengthDelimited(ResolveBatchResult.ResolutionFieldNumber, parts.Length);
        writer.Encoded(parts);
        writer.Message(ResolveBatchResponse.ResultsFieldNumber, failed);
        writer.Int64(ResolveBatchResponse.TreeVersionFieldNumber, 300);
        var assembled = writer.ToMessage();

        var bytes = new byte[assembled.Length];
        assembled.CopyTo(bytes);
        Assert.Equal(whole.ToByteArray(), bytes);
    }

    [Fact]
    public void A_zero_int64_is_left_out_as_protobuf_leaves_out_defaults()
    {
        var writer = new EncodedMessageWriter();

        writer.Int64(ResolveBatchResponse.TreeVersionFieldNumber, 0);

        Assert.Equal(0, writer.ToMessage().Length);
    }
}
