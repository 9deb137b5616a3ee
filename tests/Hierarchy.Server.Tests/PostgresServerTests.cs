using System.Net;
using Grpc.Net.Client;
using Hierarchy.Grpc.Client;
using Hierarchy.Server.Startup;
using Hierarchy.Testing;
using Hierarchy.V1;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Server.Tests;

public sealed class PostgresServerTests
{
    [PostgresFact]
    public async Task A_server_on_postgresql_imports_weidu_and_resolves_a_household_over_http2()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("server");
        try
        {
            var storage = new StorageSettings(StorageEngine.PostgreSql, connectionString);
            await using (var stores = await StorageFactory.OpenAsync(storage, CancellationToken.None))
            {
                await WeiduSample.ImportAsync(stores);
            }

            await using var server = await HierarchyServer.StartAsync(
                new ServerSettings
                {
                    Listen = new IPEndPoint(IPAddress.Loopback, 0),
                    Storage = storage,
                    Tokens = new Dictionary<string, string> { ["service"] = "service" },
                },
                logging => logging.ClearProviders());
            using var channel = GrpcChannel.ForAddress(server.Address);

            var resolution = await channel.Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = 1, Category = "sewage" }, Bearer.Options("service")).ResponseAsync;

            Assert.Equal(OrgLevel.Grid, resolution.Owner.Level);
            Assert.StartsWith("411002", resolution.Owner.Code, StringComparison.Ordinal);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }
}
