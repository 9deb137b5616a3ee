using System.IO.Compression;
using Google.Protobuf;
using Hierarchy.Grpc.Protocol;
using Hierarchy.Testing.V1;

namespace Hierarchy.Grpc.Tests;

[Collection(ConformanceCollection.Name)]
public sealed class CompressionTests(ConformanceServer server)
{
    [Fact]
    public async Task A_gzip_compressed_request_is_accepted()
    {
        var compressed = Gzip(new EchoRequest { Text = "压缩的请求" }.ToByteArray());

        var response = await RawCall.PostAsync(
            server.Address, ConformanceService.Echo.Path, RawCall.Frame(compressed, compressed: true), headers: ("grpc-encoding", "gzip"));

        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal("压缩的请求", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5).ToArray()).Text);
    }

    [Fact]
    public async Task An_unknown_encoding_is_unimplemented_and_names_the_supported_ones()
    {
        var response = await RawCall.PostAsync(
            server.Address, ConformanceService.Echo.Path, RawCall.Frame([], compressed: true), headers: ("grpc-encoding", "snappy"));

        Assert.Equal(StatusCode.Unimplemented, response.Status);
        Assert.Contains("gzip", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compressed_flag_without_an_encoding_is_an_internal_error()
    {
        var response = await RawCall.PostAsync(server.Address, ConformanceService.Echo.Path, RawCall.Frame([1, 2, 3], compressed: true));

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("grpc-encoding", response.GrpcMessage, StringComparison.Ordinal);
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
