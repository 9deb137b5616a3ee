using System.Net;
using Hierarchy.Domain.Organization;
using Hierarchy.Grpc.Client;
using Hierarchy.Import;
using Hierarchy.Server.Startup;
using Hierarchy.Testing;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Server.Tests;

/// <summary>A real server on a free loopback port over a fresh SQLite file holding 许昌市魏都区.</summary>
public sealed class WeiduServer : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hierarchy-server-{Guid.NewGuid():N}.db");

    public HierarchyServer Server { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public ImportSummary Imported { get; private set; } = null!;

    /// <summary>Gets the id of a street (东大街道, not the first street where member 1 serves) whose admin token is "street-admin".</summary>
    public long StreetId { get; private set; }

    public async Task InitializeAsync()
    {
        var storage = StorageSettings.Parse(_path);
        await using (var stores = await StorageFactory.OpenAsync(storage, CancellationToken.None))
        {
            Imported = await WeiduSample.ImportAsync(stores);
            var tree = await stores.Tree.LoadAsync(CancellationToken.None);
            StreetId = tree.Units.First(u => u.Level == OrgLevel.Street && u.Name == "东大街道").Id;
        }

        Server = await HierarchyServer.StartAsync(
            new ServerSettings
            {
                Listen = new IPEndPoint(IPAddress.Loopback, 0),
                Storage = storage,
                LoadSample = false,
                Tokens = new Dictionary<string, string>
                {
                    ["service"] = "service",
                    ["district-admin"] = "admin:1",
                    ["street-admin"] = $"admin:{StreetId}",
                    ["member-1"] = "member:1",
                    ["member-2"] = "member:2",
                },
            },
            logging => logging.ClearProviders());
        Channel = GrpcChannel.ForAddress(Server.Address);
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }
    }

    public static Grpc.Client.CallOptions As(string token) => CallOptions.WithBearer(token);
}

[CollectionDefinition(Name)]
public sealed class WeiduServerCollection : ICollectionFixture<WeiduServer>
{
    public const string Name = "weidu server";
}
