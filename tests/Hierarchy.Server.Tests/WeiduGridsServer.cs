using System.Diagnostics;
using Hierarchy.Domain.Organization;
using Hierarchy.Server.Startup;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Tests;

/// <summary>
/// 许昌市魏都区 as it was before its grids were re-divided: the operator CLI imports the real divisions from the shipped CSV
/// with 620 synthetic grids into a fresh SQLite file, and a real server serves it.
/// </summary>
public sealed class WeiduGridsServer : SqliteServerFixture
{
    public OrgTreeState Before { get; private set; } = null!;

    public long StreetId(string name) => Before.Units.Single(u => u.Level == OrgLevel.Street && u.Name == name).Id;

    /// <summary>Gets the grids of each community, in code order, as imported.</summary>
    public ILookup<long, Domain.Organization.OrgUnit> GridsByCommunity() =>
        Before.Units.Where(u => u.Level == OrgLevel.Grid).OrderBy(u => u.Code, StringComparer.Ordinal).ToLookup(u => u.ParentId!.Value);

    protected override async Task SeedAsync()
    {
        var csv = Path.Combine(AppContext.BaseDirectory, "weidu-411002.csv");
        await File.WriteAllTextAsync(csv, await Import.DivisionsCsv.OpenShipped("weidu-411002.csv").ReadToEndAsync());
        var database = Storage.ConnectionString["Data Source=".Length..];
        var cli = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "hierarchy.dll"), "import", "--county", "411002", "--csv", csv, "--total-grids", "620", "--database", database },
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

        await using var stores = await StorageFactory.OpenAsync(Storage, CancellationToken.None);
        Before = await stores.Tree.LoadAsync(CancellationToken.None);
    }

    protected override ServerSettings Configure(ServerSettings defaults) => defaults with
    {
        Tokens = new Dictionary<string, string>
        {
            ["district-admin"] = "admin:1",
            ["street-admin"] = $"admin:{StreetId("西大街道")}",
            ["service"] = "service",
        },
    };
}
