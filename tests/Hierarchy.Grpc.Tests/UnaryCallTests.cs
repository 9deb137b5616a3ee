using Google.Protobuf;
using Hierarchy.Grpc.Client;
using Hierarchy.Testing.V1;

namespace Hierarchy.Grpc.Tests;

[Collection(ConformanceCollection.Name)]
public sealed class UnaryCallTests(ConformanceServer server)
{
    [Fact]
    public async Task A_unary_call_returns_the_handlers_reply()
    {
        var reply = await server.Channel.UnaryAsync(ConformanceService.Echo, new EchoRequest { Text = "梨园镇 群芳园社区" });

        Assert.Equal("梨园镇 群芳园社区", reply.Text);
    }

    [Fact]
    public async Task A_unary_request_arriving_in_pieces_is_read_whole()
    {
        var frame = RawCall.Frame(new EchoRequest { Text = "梨园镇 群芳园社区" }.ToByteArray());

        var response = await RawCall.PostInPiecesAsync(
            server.Address, ConformanceService.Echo.Path, [frame[..3], frame[3..9], frame[9..]], TimeSpan.FromMilliseconds(50));

        Assert.Equal(Protocol.StatusCode.OK, response.Status);
        Assert.Equal("梨园镇 群芳园社区", EchoReply.Parser.ParseFrom(response.Body.AsSpan(5)).Text);
    }

    [Fact]
    public async Task Request_metadata_reaches_the_handler()
    {
        var reply = await server.Channel.UnaryAsync(
            ConformanceService.Echo, new EchoRequest { Text = "x" }, CallOptions.WithBearer("demo-admin"));

        Assert.Equal("Bearer demo-admin", reply.Metadata["authorization"]);
    }

    [Fact]
    public async Task Two_hundred_concurrent_calls_on_one_channel_all_succeed()
    {
        var calls = Enumerable.Range(0, 200).Select(i =>
            server.Channel.UnaryAsync(ConformanceService.Echo, new EchoRequest { Text = $"call {i}" }));

        var replies = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"call {i}"), replies.Select(r => r.Text));
    }

    [Fact]
    public async Task A_message_close_to_the_limit_is_accepted()
    {
        var payload = ByteString.CopyFrom(new byte[(4 * 1024 * 1024) - 64]);

        var reply = await server.Channel.UnaryAsync(ConformanceService.Echo, new EchoRequest { Payload = payload });

        Assert.Equal(payload.Length, reply.PayloadSize);
    }
}
