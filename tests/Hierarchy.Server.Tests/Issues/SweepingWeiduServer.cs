using Hierarchy.Server.Startup;
using Hierarchy.Testing;

namespace Hierarchy.Server.Tests.Issues;

/// <summary>A real server over 许昌市魏都区 whose sweeper grains run on their own, every 100 ms, on a clock the test moves.</summary>
public sealed class SweepingWeiduServer : SqliteServerFixture
{
    public MovableClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)));

    protected override async Task SeedAsync()
    {
        await using var stores = await StorageFactory.OpenAsync(Storage, CancellationToken.None);
        await WeiduSample.ImportAsync(stores);
    }

    protected override ServerSettings Configure(ServerSettings defaults) => defaults with
    {
        Clock = Clock,
        SweepInterval = TimeSpan.FromMilliseconds(100),
        Tokens = new Dictionary<string, string> { ["service"] = "service" },
    };
}
