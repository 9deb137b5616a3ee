using Hierarchy.Grpc.Protocol;
using Hierarchy.Testing.V1;

namespace Hierarchy.Grpc.Tests;

[Collection(ConformanceCollection.Name)]
public sealed class StreamingCallTests(ConformanceServer server)
{
    [Fact]
    public async Task A_server_stream_delivers_every_message_in_order()
    {
        var values = new List<int>();
        await foreach (var reply in server.Channel.ServerStreamingAsync(ConformanceService.Count, new CountRequest { Count = 50 }))
        {
            values.Add(reply.Value);
        }

        Assert.Equal(Enumerable.Range(0, 50), values);
    }

    [Fact]
    public async Task A_server_stream_that_fails_after_messages_reports_the_status_in_trailers()
    {
        var values = new List<int>();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in server.Channel.ServerStreamingAsync(ConformanceService.Count, new CountRequest { Count = -3 }))
            {
                values.Add(reply.Value);
            }
        });

        Assert.Equal([0, 1, 2], values);
        Assert.Equal(StatusCode.OutOfRange, error.StatusCode);
    }

    [Fact]
    public async Task A_client_stream_is_read_to_its_end()
    {
        var reply = await server.Channel.ClientStreamingAsync(ConformanceService.Sum, Numbers(1, 100));

        Assert.Equal(5050, reply.Total);
        Assert.Equal(100, reply.Messages);
    }

    [Fact]
    public async Task A_duplex_stream_answers_each_message_as_it_arrives()
    {
        var texts = new List<string>();
        await foreach (var reply in server.Channel.DuplexStreamingAsync(ConformanceService.Chat, Texts("区", "街道", "社区", "网格", "楼栋")))
        {
            texts.Add(reply.Text);
        }

        Assert.Equal(["区", "街道", "社区", "网格", "楼栋"], texts);
    }

    private static async IAsyncEnumerable<SumRequest> Numbers(int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            await Task.Yield();
            yield return new SumRequest { Value = i };
        }
    }

    private static async IAsyncEnumerable<EchoRequest> Texts(params string[] texts)
    {
        foreach (var text in texts)
        {
            await Task.Yield();
            yield return new EchoRequest { Text = text };
        }
    }
}
