using Grpc.Core;
using Grpc.Net.Client;
using Hierarchy.Grpc.Client;
using Hierarchy.Testing;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Cluster;

public sealed class NginxTests
{
    [SkippableFact]
    public async Task A_client_through_nginx_keeps_being_answered_when_a_replica_is_killed()
    {
        Skip.If(TestPostgres.SkipReason is not null, TestPostgres.SkipReason);
        Skip.If(NginxBalancer.SkipReason is not null, NginxBalancer.SkipReason);
        await using var cluster = await TestCluster.StartAsync(3);
        await using var nginx = await NginxBalancer.StartAsync(Enumerable.Range(0, 3).Select(i => cluster.Node(i).Address));
        using var client = GrpcChannel.ForAddress(nginx.Address);
        var options = Bearer.Options("service");
        for (var i = 0; i < 30; i++)
        {
            await ResolveAsync(client, i + 1, options);
        }

        await cluster.KillAsync(1);
        var answered = 0;
        for (var i = 0; i < 60; i++)
        {
            answered += (await ResolveAsync(client, i + 1, options)).Owner.Level == OrgLevel.Grid ? 1 : 0;
        }

        Assert.Equal(60, answered);
    }

    /// <summary>Resolve is a read, so retrying it once on UNAVAILABLE is safe: the client's choice, as docs/scaling.md says.</summary>
    private static async Task<Resolution> ResolveAsync(GrpcChannel client, long household, CallOptions options)
    {
        var request = new ResolveRequest { HouseholdId = household, Category = "sewage" };
        try
        {
            return await client.Responsibility().ResolveAsync(request, options).ResponseAsync;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
        {
            return await client.Responsibility().ResolveAsync(request, options).ResponseAsync;
        }
    }
}
