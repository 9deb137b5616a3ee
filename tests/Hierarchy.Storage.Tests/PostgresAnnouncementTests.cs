using Hierarchy.Domain.Issues;
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

    private Task<IssueFacts> FactsAsync() => IssueFactsOf.HouseholdAsync(fixture.Stores, 1, "noise", "burst");
}

/// <summary>A process that writes and exits, as the operator CLI does, has told the replicas first; a database of its own keeps other tests' news out.</summary>
public sealed class PostgresAnnouncementOnCloseTests(PostgresStoreFixture fixture) : IClassFixture<PostgresStoreFixture>
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [SkippableFact]
    public async Task Stores_closed_right_after_a_write_have_announced_it_first_as_a_cli_that_exits_must()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var connectionString = ((PostgresDatabase)fixture.Stores.Database).ConnectionString;
        await using var listener = new NpgsqlConnection(connectionString);
        await listener.OpenAsync();
        var announced = 0;
        listener.Notification += (_, e) => Interlocked.Increment(ref announced);
        await using (var listen = new NpgsqlCommand($"LISTEN {IssueStore.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var facts = await IssueFactsOf.HouseholdAsync(fixture.Stores, 1, "noise", "from-a-cli");
        await using (var cli = await StoreSet.OpenAsync(new PostgresDatabase(connectionString), CancellationToken.None))
        {
            await cli.Issues.ReportAsync(facts, Issue.Report(Morning, "cli"), CancellationToken.None);
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Volatile.Read(ref announced) == 0)
        {
            await listener.WaitAsync(patience.Token);
        }

        Assert.Equal(1, Volatile.Read(ref announced));
    }
}
