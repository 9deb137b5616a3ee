using System.Diagnostics;
using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Hierarchy.Bench.Common;
using Hierarchy.Grpc.Client;
using Hierarchy.Import;
using Hierarchy.Server;
using Hierarchy.Server.Startup;
using Hierarchy.V1;

// The Weidu case at full size: 620 grids over ~150,000 households merged to 539; plan and apply time, and Resolve calls
// that failed while the apply ran (8 callers resolving without pause over real HTTP/2).
await RunAsync("SQLite", StorageSettings.Parse(Path.Combine(Path.GetTempPath(), $"hierarchy-reorg-bench-{Guid.NewGuid():N}.db")));
if (await BenchPostgres.TryCreateDatabaseAsync() is { } database)
{
    await RunAsync("PostgreSQL", new StorageSettings(StorageEngine.PostgreSql, database));
    await BenchPostgres.DropDatabaseAsync(database);
}

return 0;

static async Task RunAsync(string engine, StorageSettings storage)
{
    await using (var stores = await StorageFactory.OpenAsync(storage, CancellationToken.None))
    {
        using var reader = DivisionsCsv.OpenShipped("weidu-411002.csv");
        await new HierarchyImporter(stores).ImportAsync(
            DivisionsCsv.Read(reader, "weidu-411002.csv").ToList(), ["411002"],
            new SynthesisPlan { MinHouseholdsPerCommunity = 1100, MaxHouseholdsPerCommunity = 1800, TotalGrids = 620 }, null, CancellationToken.None);
    }

    await using var server = await HierarchyServer.StartAsync(
        new ServerSettings
        {
            Listen = new IPEndPoint(IPAddress.Loopback, 0),
            Storage = storage,
            LoadSample = false,
            SweepInterval = null,
            Tokens = new Dictionary<string, string> { ["admin"] = "admin:1" },
        },
        logging => logging.ClearProviders());
    using var channel = GrpcChannel.ForAddress(server.Address);
    var options = Bearer.Options("admin");
    var tree = server.State.Tree;
    var request = new PlanReorganizationRequest();
    var grids = Enumerable.Range(0, tree.Count).Where(i => tree.LevelOf(i) == Hierarchy.Domain.Organization.OrgLevel.Grid)
        .GroupBy(tree.ParentOf).Where(g => g.Count() == 6).Take(81);
    foreach (var community in grids)
    {
        var ids = community.Select(i => tree.UnitAt(i).Id).ToList();
        request.Changes.Add(new ReorganizationChange { MergeGrids = new MergeGrids { SourceGridIds = { ids[5] }, TargetGridId = ids[4] } });
    }

    var clock = Stopwatch.StartNew();
    var plan = await channel.Admin().PlanReorganizationAsync(request, options).ResponseAsync;
    var planTime = clock.Elapsed;

    using var stop = new CancellationTokenSource();
    long calls = 0, failures = 0;
    var households = server.State.Households.Count;
    var load = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
    {
        var random = new Random(worker);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await channel.Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = random.NextInt64(1, households + 1), Category = "sewage" }, options).ResponseAsync;
            }
            catch (RpcException)
            {
                Interlocked.Increment(ref failures);
            }

            Interlocked.Increment(ref calls);
        }
    })).ToList();
    while (Interlocked.Read(ref calls) < 1000)
    {
        await Task.Yield();
    }

    var callsBefore = Interlocked.Read(ref calls);
    clock.Restart();
    var applied = await channel.Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, options).ResponseAsync;
    var applyTime = clock.Elapsed;
    var during = Interlocked.Read(ref calls) - callsBefore;
    await stop.CancelAsync();
    await Task.WhenAll(load);

    Console.WriteLine(
        $"{engine,-10}  {households:N0} households, grids {plan.GridsBefore} → {plan.GridsAfter} ({plan.BuildingGroupsMoved} building groups, " +
        $"{plan.HouseholdsMoved:N0} households change grid): plan {planTime.TotalMilliseconds:F0} ms, apply {applyTime.TotalMilliseconds:F0} ms " +
        $"(tree version {applied.TreeVersion}); Resolve during the apply: {during:N0} calls, {Interlocked.Read(ref failures)} failed");
}
