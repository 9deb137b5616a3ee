using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Bench.Resolve;

/// <summary>ResolveBatch as a dispatch platform uses it: batches of random households from a few concurrent callers.</summary>
internal static class Batch
{
    private const int Size = 1_000;
    private const int Callers = 4;
    private const int CallsEach = 60;

    public static async Task MeasureAsync(HierarchyState state, GrpcChannel channel, CallOptions options)
    {
        var random = new Random(11);
        var batches = Enumerable.Range(0, Callers * CallsEach).Select(_ =>
        {
            var request = new ResolveBatchRequest();
            request.Requests.AddRange(Enumerable.Range(0, Size).Select(_ =>
                new ResolveRequest { HouseholdId = random.NextInt64(1, state.Households.Count + 1), Category = "sewage" }));
            return request;
        }).ToArray();
        await channel.Responsibility().ResolveBatchAsync(batches[0], options).ResponseAsync;

        var latencies = new double[batches.Length];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            for (var i = caller; i < batches.Length; i += Callers)
            {
                var started = Stopwatch.GetTimestamp();
                var answer = await channel.Responsibility().ResolveBatchAsync(batches[i], options).ResponseAsync;
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (answer.Results.Count != Size || answer.Results.Any(r => r.Resolution is null))
                {
                    throw new InvalidOperationException("a batch came back incomplete");
                }
            }
        })));
        var elapsed = clock.Elapsed;
        Array.Sort(latencies);
        Console.WriteLine(
            $"gRPC ResolveBatch of {Size:N0} random households, {Callers} callers: {batches.Length * Size / elapsed.TotalSeconds:N0} households/s, " +
            $"p50 {latencies[latencies.Length / 2]:F1} ms, p99 {latencies[(int)(latencies.Length * 0.99)]:F1} ms a batch");
    }
}
