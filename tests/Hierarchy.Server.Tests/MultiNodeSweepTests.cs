using System.Net;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.Issues;
using Hierarchy.Server.Issues;
using Hierarchy.Server.Startup;
using Hierarchy.Storage.Providers;
using Hierarchy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Server.Tests;

public sealed class MultiNodeSweepTests
{
    private const int Issues = 3000;

    [PostgresFact]
    public async Task Two_servers_on_one_postgresql_sweeping_at_once_escalate_every_due_issue_exactly_once()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("sweep");
        try
        {
            var storage = new StorageSettings(StorageEngine.PostgreSql, connectionString);
            await using (var stores = await StorageFactory.OpenAsync(storage, CancellationToken.None))
            {
                await WeiduSample.ImportAsync(stores);
            }

            var clock = new MovableClock(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)));
            await using var first = await StartAsync(storage, clock);
            await using var second = await StartAsync(storage, clock);
            var service = new Caller(CallerRole.Service, 0);
            var workflow = first.Services.GetRequiredService<IssueWorkflow>();
            await Parallel.ForAsync(1, Issues + 1, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (household, token) =>
            {
                var issue = await workflow.ReportAsync(
                    service, new ReportCommand($"due-{household}", household, 0, string.Empty, "garbage", IssueChannel.GridApp, "垃圾未清运"), token);
                await workflow.AcceptAsync(service, issue.Id, 0, token);
            });

            clock.Advance(TimeSpan.FromHours(25));
            var swept = await Task.WhenAll(
                first.Services.GetRequiredService<IssueWorkflow>().SweepAsync(100, CancellationToken.None),
                second.Services.GetRequiredService<IssueWorkflow>().SweepAsync(100, CancellationToken.None));

            Assert.Equal(Issues, swept.Sum());
            var database = new PostgresDatabase(connectionString);
            await using (database)
            {
                var escalations = await database.RunAsync(
                    c => Sql.ListAsync(c, null, "SELECT issue_id, COUNT(*) FROM issue_events WHERE kind = 5 GROUP BY issue_id",
                        r => r.GetInt64(1), CancellationToken.None),
                    CancellationToken.None);
                Assert.Equal(Issues, escalations.Count);
                Assert.All(escalations, count => Assert.Equal(1, count));
            }
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static Task<HierarchyServer> StartAsync(StorageSettings storage, MovableClock clock) => HierarchyServer.StartAsync(
        new ServerSettings
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Storage = storage,
            LoadSample = false,
            SweepInterval = null,
            Clock = clock,
            Tokens = new Dictionary<string, string>(),
        },
        logging => logging.ClearProviders());
}
