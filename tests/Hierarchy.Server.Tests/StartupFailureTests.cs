using System.Net;
using System.Net.Sockets;
using Hierarchy.Server.Startup;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Server.Tests;

public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_busy_port_is_one_line_saying_so_and_how_to_pick_another()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var path = Path.Combine(Path.GetTempPath(), $"hierarchy-busy-{Guid.NewGuid():N}.db");
        var settings = new ServerSettings
        {
            Listen = new IPEndPoint(IPAddress.Loopback, port),
            Storage = StorageSettings.Parse(path),
            LoadSample = false,
            Tokens = new Dictionary<string, string>(),
        };
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => HierarchyServer.StartAsync(settings, logging => logging.ClearProviders()));

            Assert.Equal(
                $"127.0.0.1:{port} is already in use by another program; start on another port with --listen 127.0.0.1:{port + 1}",
                StartupFailure.Describe(error, settings));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void A_fault_of_the_program_itself_keeps_its_full_report()
    {
        Assert.Null(StartupFailure.Describe(new InvalidOperationException("a bug"), new ServerSettings()));
    }
}
