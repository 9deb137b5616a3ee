using Grpc.Core;
using Grpc.Health.V1;
using Hierarchy.Server.Pipeline;
using HealthApi = Grpc.Health.V1.Health;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Hierarchy.Server.Tests;

[Collection(WeiduServerCollection.Name)]
public sealed class HealthTests(WeiduServer weidu)
{
    [Fact]
    public async Task Every_hierarchy_service_and_the_server_as_a_whole_read_serving_once_started()
    {
        var health = new HealthApi.HealthClient(weidu.Channel);
        string[] names = ["", .. HierarchyGrpc.Services.Where(s => s.File.Package == "hierarchy.v1").Select(s => s.FullName)];

        foreach (var name in names)
        {
            var reply = await health.CheckAsync(new HealthCheckRequest { Service = name }, deadline: DateTime.UtcNow.AddSeconds(10));
            Assert.Equal(ServingStatus.Serving, reply.Status);
        }
    }

    [Fact]
    public async Task An_unknown_service_is_not_found_naming_it()
    {
        var health = new HealthApi.HealthClient(weidu.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            health.CheckAsync(new HealthCheckRequest { Service = "hierarchy.v1.不存在" }, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("hierarchy.v1.不存在", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reflection_lists_every_service_the_server_answers()
    {
        var reflection = new global::Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(weidu.Channel);
        using var call = reflection.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(10));

        await call.RequestStream.WriteAsync(new global::Grpc.Reflection.V1.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(
            HierarchyGrpc.Services.Select(s => s.FullName).Order(),
            call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).Order());
    }
}
