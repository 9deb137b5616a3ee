using System.Diagnostics;
using System.Net;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Hierarchy.Bench.Common;
using Hierarchy.Bench.Resolve;
using Hierarchy.Grpc.Client;
using Hierarchy.Server;
using Hierarchy.Server.Services;
using Hierarchy.V1;

// Resolve at Beijing scale: load time, memory, in-process ns per call, and gRPC throughput against the raw HTTP/2 ceiling.
var database = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "hierarchy-beijing.db");
var requests = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300_000;
var storage = StorageSettings.Parse(database);
await BeijingDataset.EnsureAsync(storage);

var clock = Stopwatch.StartNew();
await using var server = await HierarchyServer.StartAsync(
    new ServerSettings
    {
        Listen = new IPEndPoint(IPAddress.Loopback, 0),
        Storage = storage,
        LoadSample = false,
        Tokens = new Dictionary<string, string> { ["bench"] = "service" },
    },
    logging => logging.ClearProviders());
var load = clock.Elapsed;
GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
var state = server.State;
Console.WriteLine(
    $"load: {state.Tree.Count:N0} units, {state.Households.Count:N0} households in {load.TotalSeconds:F1} s; " +
    $"RSS {Process.GetCurrentProcess().WorkingSet64 / (1024.0 * 1024 * 1024):F2} GiB, managed heap {GC.GetTotalMemory(false) / (1024.0 * 1024 * 1024):F2} GiB");

InProcess.Measure(state, server.Services.GetRequiredService<Hierarchy.Server.Services.ResponsibilityService>());

var request = new ResolveRequest { HouseholdId = Math.Min(4_000_000, state.Households.Count / 2), Category = "sewage" };
using var channel = GrpcChannel.ForAddress(server.Address);
var reply = await channel.Responsibility().ResolveAsync(request, Bearer.Options("bench")).ResponseAsync;
Console.WriteLine($"sample: household {request.HouseholdId} → {reply.Owner.Name} ({reply.CalculateSize()} bytes)");
await Batch.MeasureAsync(state, channel, Bearer.Options("bench"));

var framed = GrpcFrame.Of(request);
await using var raw = await RawHttp2Server.StartAsync(GrpcFrame.Of(reply));
var grpcUrl = new Uri(server.Address, ResponsibilityServiceMethods.Resolve.FullName);
string[] headers = ["content-type: application/grpc", "te: trailers", "authorization: Bearer bench"];
var check = new LoadTarget(
    "Health/Check on the same server", new Uri(server.Address, "/grpc.health.v1.Health/Check"), GrpcFrame.Of(new HealthCheckRequest()), headers);
var peak = (await CeilingComparison.RunAsync([new LoadTarget("gRPC Resolve, peak", grpcUrl, framed, headers), check], raw, requests))[0];
var gcBefore = (Count: GC.CollectionCount(0), Pause: GC.GetTotalPauseDuration());
var halfLoad = await CeilingComparison.AtRateAsync(grpcUrl, framed, requests / 2, peak.RequestsPerSecond / 2, headers);
Console.WriteLine(halfLoad.Describe("gRPC Resolve at half peak"));
Console.WriteLine($"  garbage collections during it: {GC.CollectionCount(0) - gcBefore.Count}, paused {(GC.GetTotalPauseDuration() - gcBefore.Pause).TotalMilliseconds:F0} ms in all");
return 0;
