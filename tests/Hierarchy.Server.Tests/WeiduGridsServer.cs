using System.Diagnostics;
using System.Net;
using Hierarchy.Domain.Organization;
using Hierarchy.Grpc.Client;
using Hierarchy.Server.Startup;
using Hierarchy.Storage.Stores;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Server.Tests;

/// <summary>
/// 许昌市魏都区 as it was before its grids were re-divided: the operator CLI imports the real divisions from the shipped CSV
/// with 620 synthetic grids into a fresh SQLite file, and a real server serves it.
/// </summary>
public sealed class WeiduGridsServer : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hierarchy-weidu620-{Guid.NewGuid():N}.db");

    public HierarchyServer Server { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public OrgTreeState Before { get; private set; } = null!;

    public long StreetId(string name) => Before.Units.Single(u => u.Level == OrgLevel.Street && u.Name == name).Id;

    public async Task InitializeAsync()
    {
        var csv = Path.Combine(AppContext.BaseDirectory, "weidu-411002.csv");
        await File.WriteAllTextAsync(csv, await Import.DivisionsCsv.OpenShipped("weidu-411002.csv").ReadToEndAsync());
        var cli = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "hierarchy.dll"), "import", "--county", "411002", "--csv", csv, "--total-grids", "620", "--database", _path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await cli.StandardOutput.ReadToEndAsync();
        var errors = await cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        if (cli.ExitCode != 0)
        {
            throw new InvalidOperationException($"the CLI import failed ({cli.ExitCode}): {output} {errors}");
        }

        var storage = StorageSettings.Parse(_path);
        await using (var stores = await StorageFactory.OpenAsync(storage, CancellationToken.None))
        {
            Before = await stores.Tree.LoadAsync(CancellationToken.None);
        }

        Server = await HierarchyServer.StartAsync(
            new ServerSettings
            {
                Listen = new IPEndPoint(IPAddress.Loopback, 0),
                Storage = storage,
                LoadSample = false,
                SweepInterval = null,
                Tokens = new Dictionary<string, string>
                {
                    ["district-admin"] = "admin:1",
                    ["street-admin"] = $"admin:{StreetId("西大街道")}",
                    ["service"] = "service",
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

    /// <summary>Gets the grids of each community, in code order, as imported.</summary>
    public ILookup<long, Domain.Organization.OrgUnit> GridsByCommunity() =>
        Before.Units.Where(u => u.Level == OrgLevel.Grid).OrderBy(u => u.Code, StringComparer.Ordinal).ToLookup(u => u.ParentId!.Value);
}
