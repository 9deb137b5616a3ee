using Grpc.Core;
using Hierarchy.Domain.Organization;
using Hierarchy.Grpc.Client;
using Hierarchy.Import;
using Hierarchy.Server.Startup;
using Hierarchy.Testing;

namespace Hierarchy.Server.Tests;

/// <summary>A real server over a fresh SQLite file holding 许昌市魏都区.</summary>
public sealed class WeiduServer : SqliteServerFixture
{
    public ImportSummary Imported { get; private set; } = null!;

    /// <summary>Gets the id of a street (东大街道, not the first street where member 1 serves) whose admin token is "street-admin".</summary>
    public long StreetId { get; private set; }

    public static CallOptions As(string token) => Bearer.Options(token);

    protected override async Task SeedAsync()
    {
        await using var stores = await StorageFactory.OpenAsync(Storage, CancellationToken.None);
        Imported = await WeiduSample.ImportAsync(stores);
        var tree = await stores.Tree.LoadAsync(CancellationToken.None);
        StreetId = tree.Units.First(u => u.Level == OrgLevel.Street && u.Name == "东大街道").Id;
    }

    protected override ServerSettings Configure(ServerSettings defaults) => defaults with
    {
        Tokens = new Dictionary<string, string>
        {
            ["service"] = "service",
            ["district-admin"] = "admin:1",
            ["street-admin"] = $"admin:{StreetId}",
            ["member-1"] = "member:1",
            ["member-2"] = "member:2",
        },
    };
}

[CollectionDefinition(Name)]
public sealed class WeiduServerCollection : ICollectionFixture<WeiduServer>
{
    public const string Name = "weidu server";
}
