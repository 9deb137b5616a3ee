using Hierarchy.Grpc.Client;
using Hierarchy.Server.Startup;
using Hierarchy.Testing;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests;

/// <summary>A server on SQLite sees what another process — the operator CLI — writes to its file, without a restart.</summary>
public sealed class SqliteFileChangeTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly WeiduFileServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_county_imported_into_the_running_servers_file_resolves_with_its_members()
    {
        await using var cli = await StorageFactory.OpenAsync(_server.StorageOfFile, CancellationToken.None);
        var firstTongzhouHousehold = await cli.Households.MaxIdAsync(CancellationToken.None) + 1;

        await TongzhouSample.ImportAsync(cli);
        await FeedPosition.WaitAsync(_server.Server, await cli.Changes.LastPositionAsync(CancellationToken.None), Patience);

        var resolution = await _server.Channel.Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = firstTongzhouHousehold, Category = "noise" }, WeiduServer.As("service")).ResponseAsync;
        Assert.StartsWith("110112", resolution.Owner.Code, StringComparison.Ordinal);
        Assert.NotNull(resolution.LinkedMember);
    }

    [Fact]
    public async Task A_household_unlinked_by_another_process_no_longer_names_its_member()
    {
        await using var cli = await StorageFactory.OpenAsync(_server.StorageOfFile, CancellationToken.None);
        var member = await cli.Members.GetAsync(1, CancellationToken.None);
        var household = member.Households[^1];

        await cli.Members.UnlinkAsync(1, household, member.Member.Version, CancellationToken.None);
        await FeedPosition.WaitAsync(_server.Server, await cli.Changes.LastPositionAsync(CancellationToken.None), Patience);

        var resolution = await _server.Channel.Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = household, Category = "noise" }, WeiduServer.As("service")).ResponseAsync;
        Assert.Null(resolution.LinkedMember);
    }

    /// <summary>Weidu on a SQLite file of its own, polled often so the tests wait little.</summary>
    private sealed class WeiduFileServer : SqliteServerFixture
    {
        public StorageSettings StorageOfFile => Storage;

        protected override async Task SeedAsync()
        {
            await using var stores = await StorageFactory.OpenAsync(Storage, CancellationToken.None);
            await WeiduSample.ImportAsync(stores);
        }

        protected override ServerSettings Configure(ServerSettings defaults) => defaults with
        {
            FeedPollInterval = TimeSpan.FromMilliseconds(100),
            Tokens = new Dictionary<string, string> { ["service"] = "service" },
        };
    }
}
