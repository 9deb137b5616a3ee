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
        // A full round each: the JIT's tiered and profile-guided recompilation needs that long to settle.
        await H2Load.RunAsync(oursUrl, body, requests, Clients, Streams, headers);
        await H2Load.RunAsync(ceilingUrl, body, requests, Clients, Streams, headers);

        // Interleaved rounds so drift on a shared machine hits both sides alike.
        var mine = new List<LoadResult>();
        var raw = new List<LoadResult>();
        for (var round = 0; round < 3; round++)
        {
            mine.Add(await H2Load.RunAsync(oursUrl, body, requests, Clients, Streams, headers));
            raw.Add(await H2Load.RunAsync(ceilingUrl, body, requests, Clients, Streams, headers));
        }

        var best = mine.MaxBy(r => r.RequestsPerSecond)!;
        var top = raw.MaxBy(r => r.RequestsPerSecond)!;
        Console.WriteLine(best.Describe(ours));
        Console.WriteLine(top.Describe(ceiling));
        Console.WriteLine($"ratio gRPC / raw HTTP/2: {best.RequestsPerSecond / top.RequestsPerSecond:F2}");
        return best;
    }

    /// <summary>Runs our endpoint at a fixed rate, to read its latency below saturation.</summary>
    public static Task<LoadResult> AtRateAsync(Uri url, byte[] body, int requests, double totalRate, string[] headers) =>
        H2Load.RunAsync(url, body, requests, Clients, Streams, headers, rate: (int)(totalRate / Clients));
}
