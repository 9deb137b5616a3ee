using System.Diagnostics;
using System.Net;
using Google.Protobuf;
using Hierarchy.Bench.Common;
using Hierarchy.Bench.Resolve;
using Hierarchy.Grpc.Client;
using Hierarchy.Grpc.Contract;
using Hierarchy.Grpc.Protocol;
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

InProcess.Measure(state, server.Services.GetRequiredService<ResponsibilityService>());

var request = new ResolveRequest { HouseholdId = Math.Min(4_000_000, state.Households.Count / 2), Category = "sewage" };
using var channel = GrpcChannel.ForAddress(server.Address);
var reply = await channel.UnaryAsync(ResponsibilityMethods.Resolve, request, CallOptions.WithBearer("bench"));
Console.WriteLine($"sample: household {request.HouseholdId} → {reply.Owner.Name} ({reply.CalculateSize()} bytes)");
await Batch.MeasureAsync(state, channel, CallOptions.WithBearer("bench"));

var framed = Frame(request);
await using var raw = await RawHttp2Server.StartAsync(Frame(reply));
var grpcUrl = new Uri(server.Address, ResponsibilityMethods.Resolve.Path);
string[] headers = ["content-type: application/grpc", "te: trailers", "authorization: Bearer bench"];
var peak = await CeilingComparison.RunAsync("gRPC Resolve, peak", grpcUrl, raw, framed, requests, headers);
var gcBefore = (Count: GC.CollectionCount(0), Pause: GC.GetTotalPauseDuration());
var halfLoad = await CeilingComparison.AtRateAsync(grpcUrl, framed, requests / 2, peak.RequestsPerSecond / 2, headers);
Console.WriteLine(halfLoad.Describe("gRPC Resolve at half peak"));
Console.WriteLine($"  garbage collections during it: {GC.CollectionCount(0) - gcBefore.Count}, paused {(GC.GetTotalPauseDuration() - gcBefore.Pause).TotalMilliseconds:F0} ms in all");
return 0;

static byte[] Frame(IMessage message)
{
    var buffer = new System.Buffers.ArrayBufferWriter<byte>();
    MessageFrame.Write(buffer, message, int.MaxValue);
    return buffer.WrittenSpan.ToArray();
}
