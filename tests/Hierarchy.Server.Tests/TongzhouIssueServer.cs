using Hierarchy.Domain.Organization;
using Hierarchy.Server.Issues;
using Hierarchy.Server.Startup;
using Hierarchy.Storage.Stores;
using Hierarchy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Server.Tests;

/// <summary>A real server over a fresh SQLite file holding 通州区, with a clock the stories move and the sweeper run by hand.</summary>
public sealed class TongzhouIssueServer : SqliteServerFixture
{
    public MovableClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.FromHours(8)));

    public OrgTreeState Tree { get; private set; } = null!;

    public IssueWorkflow Workflow => Server.Services.GetRequiredService<IssueWorkflow>();

    /// <summary>Gets a household of the first building group of a real community, found by its NBS code.</summary>
    public long HouseholdIn(string communityCode, int nth = 0)
    {
        var community = Tree.Units.Single(u => u.Code == communityCode);
        var grid = Tree.Units.Where(u => u.ParentId == community.Id).MinBy(u => u.Code)!;
        var group = Tree.Units.Where(u => u.ParentId == grid.Id).MinBy(u => u.Code)!;
        var state = Server.State;
        return Enumerable.Range(1, (int)state.Households.Count).Select(i => (long)i)
            .Where(h => state.Households.BuildingGroupOf(h) == group.Id).Skip(nth).First();
    }

    public long UnitId(string code) => Tree.Units.Single(u => u.Code == code).Id;

    /// <summary>Gets the first grid of a real community, the one <see cref="HouseholdIn"/> finds households under.</summary>
    public long GridOf(string communityCode) => Tree.Units.Where(u => u.ParentId == UnitId(communityCode)).MinBy(u => u.Code)!.Id;

    public OrgLevel LevelOf(long unitId) => Tree.Units.Single(u => u.Id == unitId).Level;

    protected override async Task SeedAsync()
    {
        await using var stores = await StorageFactory.OpenAsync(Storage, CancellationToken.None);
        await TongzhouSample.ImportAsync(stores);
        Tree = await stores.Tree.LoadAsync(CancellationToken.None);
    }

    /// <summary>Gets the port JSON, OpenAPI, Open311 and the console answer on.</summary>
    public int HttpPort { get; } = LoopbackPort.Free();

    /// <summary>Gets a plain HTTP/1.1 client of the HTTP port that sends <paramref name="token"/>, if any.</summary>
    public HttpClient Http(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/"), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    protected override ServerSettings Configure(ServerSettings defaults) => defaults with
    {
        Clock = Clock,
        HttpListen = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, HttpPort),
        Tokens = new Dictionary<string, string>
        {
            ["service"] = "service",
            ["district-admin"] = "admin:1",
            ["member-1"] = "member:1",
            ["dispatcher"] = "dispatcher",
            ["urban-management"] = "department:urban_management",
            ["housing"] = "department:housing",
            // 新华街道 and its 京贸国际城社区.
            ["street-admin"] = $"admin:{UnitId("110112002")}",
            ["community-admin"] = $"admin:{UnitId("110112002019")}",
            ["yuqiao-admin"] = $"admin:{UnitId("110112004")}",
            ["grid-worker"] = $"worker:{GridOf("110112004009")}",
        },
    };
}

[CollectionDefinition(Name)]
public sealed class TongzhouIssueServerCollection : ICollectionFixture<TongzhouIssueServer>
{
    public const string Name = "tongzhou issue server";
}
