using Hierarchy.Grpc.Health.V1;
using Hierarchy.Grpc.Protocol;
using Hierarchy.Grpc.Standard;
using static Hierarchy.Grpc.Health.V1.HealthCheckResponse.Types;

namespace Hierarchy.Grpc.Tests;

[Collection(ConformanceCollection.Name)]
public sealed class HealthServiceTests(ConformanceServer server)
{
    [Fact]
    public async Task The_server_as_a_whole_is_serving()
    {
        var reply = await server.Channel.UnaryAsync(HealthService.Methods.Check, new HealthCheckRequest());

        Assert.Equal(ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Each_registered_service_is_serving()
    {
        var reply = await server.Channel.UnaryAsync(
            HealthService.Methods.Check, new HealthCheckRequest { Service = "hierarchy.testing.v1.ConformanceService" });

        Assert.Equal(ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task An_unknown_service_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Channel.UnaryAsync(HealthService.Methods.Check, new HealthCheckRequest { Service = "hierarchy.v1.不存在" }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("hierarchy.v1.不存在", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_sends_the_current_status_then_each_change()
    {
        const string name = "watched.only.by.this.test";
        server.Health.Set(name, ServingStatus.Serving);
        var seen = new List<ServingStatus>();

        await foreach (var reply in server.Channel.ServerStreamingAsync(HealthService.Methods.Watch, new HealthCheckRequest { Service = name }))
        {
            seen.Add(reply.Status);
            if (seen.Count == 1)
            {
                server.Health.Set(name, ServingStatus.NotServing);
            }
            else
            {
                break;
            }
        }

        Assert.Equal([ServingStatus.Serving, ServingStatus.NotServing], seen);
    }
}
