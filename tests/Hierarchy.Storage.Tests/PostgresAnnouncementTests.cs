using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;
using Hierarchy.Storage.Providers;
using Hierarchy.Storage.Stores;
using Npgsql;

namespace Hierarchy.Storage.Tests;

/// <summary>Commits are announced to listening replicas after they commit, outside the writing transaction.</summary>
public sealed class PostgresAnnouncementTests(PostgresStoreFixture fixture) : IClassFixture<PostgresStoreFixture>
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [SkippableFact]
    public async Task A_burst_of_reports_is_announced_on_the_issue_channel_and_each_is_readable_by_the_listener()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        await using var listener = new NpgsqlConnection(((PostgresDatabase)fixture.Stores.Database).ConnectionString);
        await listener.OpenAsync();
        var announced = 0;
        listener.Notification += (_, e) => Interlocked.Increment(ref announced);
        await using (var listen = new NpgsqlCommand($"LISTEN {IssueStore.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var facts = await FactsAsync();
        var reported = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            fixture.Stores.Issues.ReportAsync(facts with { RequestId = $"burst-{i}" }, Issue.Report(Morning, "service"), CancellationToken.None)));
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Volatile.Read(ref announced) == 0)
        {
            await listener.WaitAsync(patience.Token);
        }

        Assert.InRange(Volatile.Read(ref announced), 1, 40);
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM issues WHERE request_id LIKE 'burst-%'", listener);
        Assert.Equal(40L, await count.ExecuteScalarAsync());
        Assert.All(reported, r => Assert.True(r.Created));
    }

    private async Task<IssueFacts> FactsAsync()
    {
        var state = await fixture.Stores.Tree.LoadAsync(CancellationToken.None);
        var tree = OrgTreeSnapshot.Build(state.Version, state.Units, state.Positions, state.Matrix);
        var household = await fixture.Stores.Households.GetAsync(1, CancellationToken.None);
        Assert.True(tree.TryIndexOf(household.BuildingGroupId, out var place));
        return IssueRouting.Facts(tree, ResponsibilityResolver.Resolve(tree, place, "noise"), 0, "burst", IssueChannel.Hotline, "楼上噪音", 1);
    }
}
