using Hierarchy.Grpc.Protocol;

namespace Hierarchy.Grpc.Tests;

public sealed class GrpcMessageTextTests
{
    [Fact]
    public void Printable_ascii_is_sent_as_it_is() => Assert.Equal("unit 42: not found", GrpcMessageText.Encode("unit 42: not found"));

    [Fact]
    public void Non_ascii_and_percent_are_percent_encoded_as_utf8() =>
        Assert.Equal("%E7%BD%91%E6%A0%BC 100%25", GrpcMessageText.Encode("网格 100%"));

    [Fact]
    public void Decoding_restores_the_original_text() =>
        Assert.Equal("网格 100% ✓", GrpcMessageText.Decode(GrpcMessageText.Encode("网格 100% ✓")));

    [Fact]
    public void A_malformed_escape_is_kept_as_it_stands() => Assert.Equal("50%zz", GrpcMessageText.Decode("50%zz"));
}
