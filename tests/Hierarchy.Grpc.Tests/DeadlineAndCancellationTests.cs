using Google.Protobuf;
using Hierarchy.Grpc.Client;
using Hierarchy.Grpc.Protocol;
using Hierarchy.Testing.V1;

namespace Hierarchy.Grpc.Tests;

[Collection(ConformanceCollection.Name)]
public sealed class DeadlineAndCancellationTests(ConformanceServer server)
{
    [Fact]
    public async Task A_call_past_its_deadline_ends_with_deadline_exceeded_and_the_handler_sees_cancellation()
    {
        server.Service.Reset();

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Channel.UnaryAsync(
            ConformanceService.Wait, new WaitRequest(), new CallOptions { Timeout = TimeSpan.FromMilliseconds(100) }));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        await server.Service.WaitCancelled.Task;
    }

    [Fact]
    public async Task The_server_honours_grpc_timeout_even_when_the_handler_ignores_its_token()
    {
        server.Service.Reset();

        var response = await RawCall.PostAsync(
            server.Address, ConformanceService.Wait.Path, RawCall.Frame(new WaitRequest { IgnoreCancellation = true }.ToByteArray()),
            headers: ("grpc-timeout", "50m"));

        Assert.Equal(StatusCode.DeadlineExceeded, response.Status);
        Assert.False(server.Service.IgnoringWaitReturned.Task.IsCompleted);
        server.Service.ReleaseIgnoringWaits.SetResult();
        await server.Service.IgnoringWaitReturned.Task;
    }

    [Fact]
    public async Task A_client_cancelling_a_call_cancels_the_handler()
    {
        server.Service.Reset();
        using var cancellation = new CancellationTokenSource();

        var call = server.Channel.UnaryAsync(ConformanceService.Wait, new WaitRequest(), new CallOptions { CancellationToken = cancellation.Token });
        var echo = await server.Channel.UnaryAsync(ConformanceService.Echo, new EchoRequest { Text = "after start" });
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal("after start", echo.Text);
        await server.Service.WaitCancelled.Task;
    }

    [Fact]
    public async Task A_malformed_grpc_timeout_is_an_invalid_argument()
    {
        var response = await RawCall.PostAsync(
            server.Address, ConformanceService.Echo.Path, RawCall.Frame([]), headers: ("grpc-timeout", "soon"));

        Assert.Equal(StatusCode.InvalidArgument, response.Status);
        Assert.Contains("grpc-timeout", response.GrpcMessage, StringComparison.Ordinal);
    }
}
