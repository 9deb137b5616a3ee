using Hierarchy.Grpc.Protocol;
using Hierarchy.Testing.V1;

namespace Hierarchy.Grpc.Tests;

[Collection(ConformanceCollection.Name)]
public sealed class ErrorStatusTests(ConformanceServer server)
{
    [Fact]
    public async Task A_status_with_a_non_ascii_message_round_trips_exactly()
    {
        var message = "网格 110112121001 不存在: 100% 确定";

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Channel.UnaryAsync(ConformanceService.Fail, new FailRequest { Code = (int)StatusCode.NotFound, Message = message }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
    }

    [Fact]
    public async Task An_error_before_any_message_is_a_trailers_only_response_with_the_grpc_content_type()
    {
        var response = await RawCall.PostAsync(
            server.Address, ConformanceService.Fail.Path,
            RawCall.Frame(Google.Protobuf.MessageExtensions.ToByteArray(new FailRequest { Code = 9, Message = "规则" })));

        Assert.True(response.TrailersOnly);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.Equal(StatusCode.FailedPrecondition, response.Status);
        Assert.Equal("%E8%A7%84%E5%88%99", response.GrpcMessage);
    }

    [Fact]
    public async Task An_unexpected_exception_becomes_unknown_without_its_details()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Channel.UnaryAsync(ConformanceService.Fail, new FailRequest { Unexpected = true }));

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_method_is_unimplemented()
    {
        var response = await RawCall.PostAsync(server.Address, "/hierarchy.testing.v1.ConformanceService/Nope", RawCall.Frame([]));

        Assert.Equal(StatusCode.Unimplemented, response.Status);
        Assert.Contains("/hierarchy.testing.v1.ConformanceService/Nope", response.GrpcMessage, StringComparison.Ordinal);
    }
}
