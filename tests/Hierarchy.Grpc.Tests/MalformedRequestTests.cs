using System.Net;
using System.Net.Sockets;
using System.Text;
using Google.Protobuf;
using Hierarchy.Grpc.Client;
using Hierarchy.Grpc.Protocol;
using Hierarchy.Testing.V1;

namespace Hierarchy.Grpc.Tests;

[Collection(ConformanceCollection.Name)]
public sealed class MalformedRequestTests(ConformanceServer server)
{
    [Fact]
    public async Task Garbage_bytes_get_a_clear_status_and_the_server_keeps_serving()
    {
        var response = await RawCall.PostAsync(server.Address, ConformanceService.Echo.Path, Encoding.ASCII.GetBytes("hello, is this gRPC?"));

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("compressed flag", response.GrpcMessage, StringComparison.Ordinal);
        await AssertStillServing();
    }

    [Fact]
    public async Task A_frame_declaring_two_gibibytes_is_refused_as_resource_exhausted_without_reading_it()
    {
        byte[] header = [0, 0x80, 0, 0, 0];

        var response = await RawCall.PostAsync(server.Address, ConformanceService.Echo.Path, header);

        Assert.Equal(StatusCode.ResourceExhausted, response.Status);
        Assert.Contains("2147483648", response.GrpcMessage, StringComparison.Ordinal);
        await AssertStillServing();
    }

    [Fact]
    public async Task A_truncated_frame_is_an_internal_error_naming_the_incomplete_frame()
    {
        var frame = RawCall.Frame(new EchoRequest { Text = "被截断的消息" }.ToByteArray());

        var response = await RawCall.PostAsync(server.Address, ConformanceService.Echo.Path, frame[..^4]);

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("incomplete frame", response.GrpcMessage, StringComparison.Ordinal);
        await AssertStillServing();
    }

    [Fact]
    public async Task A_unary_request_carrying_two_messages_is_an_internal_error()
    {
        var frame = RawCall.Frame(new EchoRequest { Text = "一" }.ToByteArray());

        var response = await RawCall.PostAsync(server.Address, ConformanceService.Echo.Path, [.. frame, .. frame]);

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("more than one message", response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_that_is_not_the_request_message_is_an_internal_error_naming_the_type()
    {
        var response = await RawCall.PostAsync(server.Address, ConformanceService.Echo.Path, RawCall.Frame([0xFF, 0xFF, 0xFF]));

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains(nameof(EchoRequest), response.GrpcMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_over_the_limit_is_resource_exhausted()
    {
        using var generous = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxSendMessageSize = 64 * 1024 * 1024 });
        var big = new EchoRequest { Payload = ByteString.CopyFrom(new byte[5 * 1024 * 1024]) };

        var error = await Assert.ThrowsAsync<RpcException>(() => generous.UnaryAsync(ConformanceService.Echo, big));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task A_wrong_content_type_is_refused_with_http_415()
    {
        var response = await RawCall.PostAsync(server.Address, ConformanceService.Echo.Path, RawCall.Frame([]), "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        await AssertStillServing();
    }

    [Fact]
    public async Task An_http_1_1_request_is_refused_with_http_400()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {ConformanceService.Echo.Path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/grpc\r\nContent-Length: 0\r\n\r\n"));

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync();

        Assert.StartsWith("HTTP/1.1 400", statusLine, StringComparison.Ordinal);
        await AssertStillServing();
    }

    private async Task AssertStillServing()
    {
        var reply = await server.Channel.UnaryAsync(ConformanceService.Echo, new EchoRequest { Text = "still here" });
        Assert.Equal("still here", reply.Text);
    }
}
