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

// Three silos on one PostgreSQL under mixed load (Resolve 80%, ReportIssue then Accept through the issue's grain 10%,
// ListHouseholds 10%), while the Weidu 620 → 539 plan is applied through the first; halfway the third silo is killed and
// its callers move to the others, as nginx's grpc_next_upstream would. Throughput, p99 per silo, and every error by status.
var seconds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
if (await BenchPostgres.TryCreateDatabaseAsync() is not { } database)
{
    return 1;
}

var storage = new StorageSettings(StorageEngine.PostgreSql, database);
await using (var stores = await StorageFactory.OpenAsync(storage, CancellationToken.None))
{
    using var reader = DivisionsCsv.OpenShipped("weidu-411002.csv");
    await new HierarchyImporter(stores).ImportAsync(DivisionsCsv.Read(reader, "weidu-411002.csv").ToList(), ["411002"],
        new SynthesisPlan { MinHouseholdsPerCommunity = 1100, MaxHouseholdsPerCommunity = 1800, TotalGrids = 620 }, null, CancellationToken.None);
}

var nodes = new List<HierarchyServer>();
for (var i = 0; i < 3; i++)
{
    nodes.Add(await HierarchyServer.StartAsync(new ServerSettings
    {
        Listen = new IPEndPoint(IPAddress.Loopback, 0),
        Storage = storage,
        LoadSample = false,
        NodeName = $"bench-{i}",
        Tokens = new Dictionary<string, string> { ["admin"] = "admin:1" },
    }, logging => logging.ClearProviders()));
}

var channels = nodes.Select(n => GrpcChannel.ForAddress(n.Address)).ToList();
var options = Bearer.Options("admin");
var households = nodes[0].State.Households.Count;
var members = nodes[0].State.Members.All().Select(m => m.Member.Id).ToArray();
var latencies = nodes.Select(_ => new List<double>()).ToList();
var resolveLatencies = nodes.Select(_ => new List<double>()).ToList();
var errors = new long[3];
var resolveErrors = new long[3];
var statuses = new System.Collections.Concurrent.ConcurrentDictionary<(StatusCode Status, bool AfterKill), long>();
const int Killed = 2;
var killedAt = long.MaxValue;
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
var workers = Enumerable.Range(0, 24).Select(w => Task.Run(async () =>
{
    var home = w % 3;
    var random = new Random(w);
    var clock = new Stopwatch();
    while (!stop.IsCancellationRequested)
    {
        var roll = random.Next(10);
        var node = home == Killed && Stopwatch.GetTimestamp() >= Interlocked.Read(ref killedAt) ? w % 2 : home;
        clock.Restart();
        try
        {
            if (roll < 8)
            {
                await channels[node].Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = random.NextInt64(1, households + 1), Category = "sewage" }, options).ResponseAsync;
            }
            else if (roll == 8)
            {
                var reported = await channels[node].Issues().ReportIssueAsync(new ReportIssueRequest
                {
                    RequestId = Guid.NewGuid().ToString("N"),
                    HouseholdId = random.NextInt64(1, households + 1),
                    Category = "garbage",
                    Channel = IssueChannel.Hotline,
                    Description = "垃圾清运不及时",
                }, options).ResponseAsync;
                await channels[node].Issues().AcceptAsync(
                    new IssueActionRequest { IssueId = reported.Issue.Id, ExpectedVersion = reported.Issue.Version }, options).ResponseAsync;
            }
            else
            {
                await channels[node].PartyMembers().ListHouseholdsAsync(new ListHouseholdsRequest { MemberId = members[random.Next(members.Length)] }, options).ResponseAsync;
            }
        }
        catch (RpcException e)
        {
            statuses.AddOrUpdate((e.StatusCode, Stopwatch.GetTimestamp() >= Interlocked.Read(ref killedAt)), 1, (_, n) => n + 1);
            Interlocked.Increment(ref errors[node]);
            if (roll < 8)
            {
                Interlocked.Increment(ref resolveErrors[node]);
            }
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        lock (latencies[node])
        {
            latencies[node].Add(elapsed);
            if (roll < 8)
            {
                resolveLatencies[node].Add(elapsed);
            }
        }
    }
})).ToList();

await Task.Delay(TimeSpan.FromSeconds(seconds / 2.0));
var tree = nodes[0].State.Tree;
var plan = new PlanReorganizationRequest();
foreach (var community in Enumerable.Range(0, tree.Count).Where(i => tree.LevelOf(i) == Hierarchy.Domain.Organization.OrgLevel.Grid)
    .GroupBy(tree.ParentOf).Where(g => g.Count() == 6).Take(81))
{
    var ids = community.Select(i => tree.UnitAt(i).Id).ToList();
    plan.Changes.Add(new ReorganizationChange { MergeGrids = new MergeGrids { SourceGridIds = { ids[5] }, TargetGridId = ids[4] } });
}

var planned = await channels[0].Admin().PlanReorganizationAsync(plan, options).ResponseAsync;
var applyClock = Stopwatch.StartNew();
var applied = await channels[0].Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = planned.PlanId, ExpectedTreeVersion = planned.BaseTreeVersion }, options).ResponseAsync;
var applyTime = applyClock.Elapsed;
await Task.Delay(TimeSpan.FromSeconds(seconds / 4.0));
Interlocked.Exchange(ref killedAt, Stopwatch.GetTimestamp());
await nodes[Killed].KillAsync();
await Task.WhenAll(workers);

Console.WriteLine($"3 silos on one PostgreSQL, {households:N0} households, 24 callers for {seconds} s; plan {planned.GridsBefore} → {planned.GridsAfter} applied through node 0 in {applyTime.TotalMilliseconds:F0} ms (tree version {applied.TreeVersion})");
for (var i = 0; i < 3; i++)
{
    var sorted = latencies[i].Order().ToList();
    var resolves = resolveLatencies[i].Order().ToList();
    Console.WriteLine($"  node {i}: {sorted.Count / (double)seconds,8:N0} calls/s   p50 {sorted[sorted.Count / 2],6:F2} ms   p99 {sorted[(int)(sorted.Count * 0.99)],6:F2} ms   " +
        $"Resolve p50 {resolves[resolves.Count / 2],6:F2} ms p99 {resolves[(int)(resolves.Count * 0.99)],6:F2} ms   " +
        $"errors {errors[i]} (Resolve {resolveErrors[i]}){(i == Killed ? "; killed at 3/4 of the run, its callers moved on" : $"; tree version now {nodes[i].State.Tree.Version}")}");
}

Console.WriteLine($"  errors by status: {(statuses.IsEmpty ? "none" : string.Join(", ", statuses.OrderBy(s => s.Key.AfterKill).Select(s => $"{s.Key.Status} {s.Value} ({(s.Key.AfterKill ? "after" : "before")} the kill)")))}; " +
    $"outside the retry table (not UNAVAILABLE): {statuses.Where(s => s.Key.Status != StatusCode.Unavailable).Sum(s => s.Value)}");

foreach (var node in nodes.Where((_, i) => i != Killed))
{
    await node.DisposeAsync();
}

await BenchPostgres.DropDatabaseAsync(database);

return 0;
