using System.Net;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Server.Tests;

/// <summary>A real server on a free loopback port over a fresh SQLite file that a subclass fills first.</summary>
public abstract class SqliteServerFixture : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hierarchy-tests-{Guid.NewGuid():N}.db");

    public HierarchyServer Server { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public StorageSettings Storage => StorageSettings.Parse(_path);

    public async Task InitializeAsync()
    {
        await SeedAsync();
        var defaults = new ServerSettings { Listen = new IPEndPoint(IPAddress.Loopback, 0), Storage = Storage, LoadSample = false, SweepInterval = null };
        Server = await HierarchyServer.StartAsync(Configure(defaults), logging => logging.ClearProviders());
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

    /// <summary>Fills the database before the server starts.</summary>
    protected abstract Task SeedAsync();

    /// <summary>Adds tokens (and a clock) to the server's settings.</summary>
    protected abstract ServerSettings Configure(ServerSettings defaults);
}
