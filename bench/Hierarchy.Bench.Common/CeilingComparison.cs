namespace Hierarchy.Bench.Common;

/// <summary>
/// Drives our endpoint, the raw HTTP/2 ceiling, and the same raw server doing only what gRPC requires of the transport,
/// alike: warm-up rounds, then interleaved rounds, the best of each kept.
/// </summary>
public static class CeilingComparison
{
    private const int Clients = 4;
    private const int Streams = 64;

    /// <summary>Runs the comparison and prints each line and the ratios; returns our best round.</summary>
    /// <param name="ours">What our endpoint is, for the report.</param>
    /// <param name="oursUrl">Our endpoint.</param>
    /// <param name="raw">The <see cref="RawHttp2Server"/> answering with the same body.</param>
    /// <param name="body">The framed request sent to every endpoint.</param>
    /// <param name="requests">Requests a round.</param>
    /// <param name="headers">Request headers sent to every endpoint.</param>
    public static async Task<LoadResult> RunAsync(string ours, Uri oursUrl, RawHttp2Server raw, byte[] body, int requests, string[] headers)
    {
        Uri[] urls = [oursUrl, new Uri(raw.Address, "/raw"), new Uri(raw.Address, RawHttp2Server.GrpcShapedPath)];
        string[] names = [ours, "raw Kestrel HTTP/2, same body", "raw, reading the request + trailer"];
        Console.WriteLine($"warming up ({Environment.ProcessorCount} cores, h2load -c {Clients} -m {Streams})");
        // Three rounds each: the JIT's tiered and profile-guided recompilation needs about a million calls to settle.
        for (var round = 0; round < 3; round++)
        {
            foreach (var url in urls)
            {
                await H2Load.RunAsync(url, body, requests, Clients, Streams, headers, latencies: false);
            }
        }

        // Interleaved rounds, each starting with the next endpoint, so drift and whatever follows a pause hit every endpoint alike.
        var results = urls.Select(_ => new List<LoadResult>()).ToArray();
        for (var round = 0; round < urls.Length; round++)
        {
            for (var k = 0; k < urls.Length; k++)
            {
                var i = (round + k) % urls.Length;
                results[i].Add(await H2Load.RunAsync(urls[i], body, requests, Clients, Streams, headers, latencies: false));
            }
        }

        var best = results.Select(r => r.MaxBy(x => x.RequestsPerSecond)!).ToArray();
        for (var i = 0; i < urls.Length; i++)
        {
            Console.WriteLine(best[i].Describe(names[i]));
        }

        Console.WriteLine($"ratio gRPC / raw HTTP/2: {best[0].RequestsPerSecond / best[1].RequestsPerSecond:F2} " +
            $"(gRPC / raw reading the request + trailer: {best[0].RequestsPerSecond / best[2].RequestsPerSecond:F2})");
        // Throughput on a box shared with the load generator moves by ±15%; CPU per call is the steadier comparison.
        var cpu = results.Select(r => r.Min(x => x.ServerCpuMicroseconds)).ToArray();
        Console.WriteLine($"server CPU per call, least of the rounds: {cpu[0]:F2} µs ours, {cpu[1]:F2} µs raw, " +
            $"{cpu[2]:F2} µs raw reading the request + trailer");
        return best[0];
    }

    /// <summary>Runs our endpoint at a fixed rate, to read its latency below saturation.</summary>
    public static Task<LoadResult> AtRateAsync(Uri url, byte[] body, int requests, double totalRate, string[] headers) =>
        H2Load.RunAsync(url, body, requests, Clients, Streams, headers, rate: (int)(totalRate / Clients));
}
