namespace Hierarchy.Bench.Common;

/// <summary>Drives our endpoint and the raw HTTP/2 ceiling alike: a warm-up each, then interleaved rounds, best of each kept.</summary>
public static class CeilingComparison
{
    private const int Clients = 4;
    private const int Streams = 64;

    /// <summary>Runs the comparison and prints both lines and the ratio; returns our best round.</summary>
    public static async Task<LoadResult> RunAsync(string ours, Uri oursUrl, string ceiling, Uri ceilingUrl, byte[] body, int requests, string[] headers)
    {
        Console.WriteLine($"warming up ({Environment.ProcessorCount} cores, h2load -c {Clients} -m {Streams})");
        // Three rounds each: the JIT's tiered and profile-guided recompilation needs about a million calls to settle.
        for (var round = 0; round < 3; round++)
        {
            await H2Load.RunAsync(oursUrl, body, requests, Clients, Streams, headers, latencies: false);
            await H2Load.RunAsync(ceilingUrl, body, requests, Clients, Streams, headers, latencies: false);
        }

        // Interleaved rounds so drift on a shared machine hits both sides alike.
        var mine = new List<LoadResult>();
        var raw = new List<LoadResult>();
        for (var round = 0; round < 3; round++)
        {
            mine.Add(await H2Load.RunAsync(oursUrl, body, requests, Clients, Streams, headers, latencies: false));
            raw.Add(await H2Load.RunAsync(ceilingUrl, body, requests, Clients, Streams, headers, latencies: false));
        }

        var best = mine.MaxBy(r => r.RequestsPerSecond)!;
        var top = raw.MaxBy(r => r.RequestsPerSecond)!;
        Console.WriteLine(best.Describe(ours));
        Console.WriteLine(top.Describe(ceiling));
        Console.WriteLine($"ratio gRPC / raw HTTP/2: {best.RequestsPerSecond / top.RequestsPerSecond:F2}");
        // Throughput on a box shared with the load generator moves by ±15%; CPU per call is the steadier comparison.
        var ourCpu = mine.Min(r => r.ServerCpuMicroseconds);
        var rawCpu = raw.Min(r => r.ServerCpuMicroseconds);
        Console.WriteLine($"server CPU per call, least of the rounds: {ourCpu:F2} µs vs {rawCpu:F2} µs raw; ratio raw / ours {rawCpu / ourCpu:F2}");
        return best;
    }

    /// <summary>Runs our endpoint at a fixed rate, to read its latency below saturation.</summary>
    public static Task<LoadResult> AtRateAsync(Uri url, byte[] body, int requests, double totalRate, string[] headers) =>
        H2Load.RunAsync(url, body, requests, Clients, Streams, headers, rate: (int)(totalRate / Clients));
}
