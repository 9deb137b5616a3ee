using Hierarchy.Domain.Organization;
using Hierarchy.Server.Startup;
using Hierarchy.Storage.Stores;
using Hierarchy.Testing;

namespace Hierarchy.Server.Tests.Organization;

/// <summary>A real server over a fresh SQLite file holding 寿光市's 圣城街道 (urban communities) and 化龙镇 (villages).</summary>
public sealed class ShouguangServer : SqliteServerFixture
{
    public OrgTreeState Tree { get; private set; } = null!;

    public OrgUnit Unit(string code) => Tree.Units.Single(u => u.Code == code);

    public IReadOnlyList<OrgUnit> ChildrenOf(string code) => [.. Tree.Units.Where(u => u.ParentId == Unit(code).Id).OrderBy(u => u.Code, StringComparer.Ordinal)];

    protected override async Task SeedAsync()
    {
        await using var stores = await StorageFactory.OpenAsync(Storage, CancellationToken.None);
        await ShouguangSample.ImportAsync(stores);
        Tree = await stores.Tree.LoadAsync(CancellationToken.None);
    }

    protected override ServerSettings Configure(ServerSettings defaults) => defaults with
    {
        Tokens = new Dictionary<string, string>
        {
            ["service"] = "service",
            ["county-admin"] = $"admin:{Unit(ShouguangSample.County).Id}",
            ["xueyuan-admin"] = $"admin:{Unit(ShouguangSample.Xueyuan).Id}",
        },
    };
}
