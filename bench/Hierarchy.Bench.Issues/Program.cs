using System.Diagnostics;
using System.Net;
using Grpc.Net.Client;
using Hierarchy.Bench.Common;
using Hierarchy.Grpc.Client;
using Hierarchy.Server;
using Hierarchy.Server.Issues;
using Hierarchy.Server.Startup;
using Hierarchy.Testing;
using Hierarchy.V1;

// Issue intake (ReportIssue over gRPC, reports/s) and the escalation sweep (escalations/s), on PostgreSQL and on SQLite.
var reports = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;

await RunAsync("SQLite", StorageSettings.Parse(Path.Combine(Path.GetTempPath(), $"hierarchy-issues-bench-{Guid.NewGuid():N}.db")));
if (await BenchPostgres.TryCreateDatabaseAsync() is not { } database)
{
    return 0;
}

await RunAsync("PostgreSQL", new StorageSettings(StorageEngine.PostgreSql, database));
await BenchPostgres.DropDatabaseAsync(database);
return 0;

async Task RunAsync(string engine, StorageSettings storage)
{
    await using (var stores = await StorageFactory.OpenAsync(storage, CancellationToken.None))
    {
        await WeiduSample.ImportAsync(stores, new Hierarchy.Import.SynthesisPlan());
    }

    var clock = new MovableClock(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)));
    await using var server = await HierarchyServer.StartAsync(
        new ServerSettings
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Storage = storage,
            LoadSample = false,
            SweepInterval = null,
            Clock = clock,
            Tokens = new Dictionary<string, string> { ["bench"] = "service" },
        },
        logging => logging.ClearProviders());
    using var channel = GrpcChannel.ForAddress(server.Address);
    var households = (int)server.State.Households.Count;
    var options = Bearer.Options("bench");

    var intake = Stopwatch.StartNew();
    var ids = new long[reports];
    await Parallel.ForAsync(0, reports, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
    {
        var reply = await channel.Issues().ReportIssueAsync(new ReportIssueRequest
        {
            RequestId = $"bench-{i}",
            HouseholdId = 1 + (i % households),
            Category = "garbage",
            Channel = IssueChannel.Hotline,
            Description = "垃圾清运不及时",
        }, options).ResponseAsync;
        ids[i] = reply.Issue.Id;
    });
    intake.Stop();

    var workflow = server.Services.GetRequiredService<IssueWorkflow>();
    var accepting = Stopwatch.StartNew();
    await Parallel.ForAsync(0, reports, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        await channel.Issues().AcceptAsync(new IssueActionRequest { IssueId = ids[i] }, options).ResponseAsync);
    accepting.Stop();
    clock.Advance(TimeSpan.FromHours(25));
    var sweep = Stopwatch.StartNew();
    var swept = await workflow.SweepAsync(1000, CancellationToken.None);
    sweep.Stop();

    Console.WriteLine(
        $"{engine,-10}  intake {reports / intake.Elapsed.TotalSeconds,8:N0} reports/s ({reports:N0} ReportIssue calls over gRPC, 64 in flight)   " +
        $"accept {reports / accepting.Elapsed.TotalSeconds,8:N0} steps/s (Accept over gRPC through each issue's grain, 64 in flight)   " +
        $"sweep {swept / sweep.Elapsed.TotalSeconds,8:N0} escalations/s ({swept:N0} due issues, claims of 1,000, each escalated by its grain)");
}
