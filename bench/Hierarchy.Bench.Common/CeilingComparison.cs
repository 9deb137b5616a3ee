namespace Hierarchy.Bench.Common;

/// <summary>
/// Drives our endpoint, the raw HTTP/2 ceiling, and the same raw server doing only what gRPC requires of the transport,
/// alike: warm-up rounds, then interleaved rounds, the best of each kept.
/// </summary>
public static class CeilingComparison
{
    private const int Clients = 4;
    private const int Streams = 64;

    /// <summary>Runs the comparison and prints each line and the ratios; returns the best round of each of ours.</summary>
    /// <param name="ours">Our endpoints; the raw ones answer with the first one's request body and headers.</param>
    /// <param name="raw">The <see cref="RawHttp2Server"/> answering with the first endpoint's response body.</param>
    /// <param name="requests">Requests a round.</param>
    public static async Task<LoadResult[]> RunAsync(IReadOnlyList<LoadTarget> ours, RawHttp2Server raw, int requests)
    {
        LoadTarget[] endpoints =
        [
            .. ours,
            new("raw Kestrel HTTP/2, same body", new Uri(raw.Address, "/raw"), ours[0].Body, ours[0].Headers),
            new("raw, reading the request + trailer", new Uri(raw.Address, RawHttp2Server.GrpcShapedPath), ours[0].Body, ours[0].Headers),
        ];
        Console.WriteLine($"warming up ({Environment.ProcessorCount} cores, h2load -c {Clients} -m {Streams})");
        // Three rounds each: the JIT's tiered and profile-guided recompilation needs about a million calls to settle.
        for (var round = 0; round < 3; round++)
        {
            foreach (var endpoint in endpoints)
            {
                await RoundAsync(endpoint, requests, latencies: false);
            }
        }

        // Interleaved rounds, each starting with the next endpoint, so drift and whatever follows a pause hit every endpoint alike.
        var results = endpoints.Select(_ => new List<LoadResult>()).ToArray();
        for (var round = 0; round < endpoints.Length; round++)
        {
            for (var k = 0; k < endpoints.Length; k++)
            {
                var i = (round + k) % endpoints.Length;
                results[i].Add(await RoundAsync(endpoints[i], requests, latencies: false));
            }
        }

        var best = results.Select(r => r.MaxBy(x => x.RequestsPerSecond)!).ToArray();
        for (var i = 0; i < endpoints.Length; i++)
        {
            Console.WriteLine(best[i].Describe(endpoints[i].Name));
        }

        // Throughput on a box shared with the load generator moves by ±15%; CPU per call is the steadier comparison.
        var cpu = results.Select(r => r.Min(x => x.ServerCpuMicroseconds)).ToArray();
        var (bare, shaped) = (ours.Count, ours.Count + 1);
        for (var i = 0; i < ours.Count; i++)
        {
            Console.WriteLine($"{ours[i].Name}: {best[i].RequestsPerSecond / best[bare].RequestsPerSecond:F2} of raw HTTP/2, " +
                $"{best[i].RequestsPerSecond / best[shaped].RequestsPerSecond:F2} of raw reading the request + trailer" +
                (i > 0 ? $"; {ours[0].Name} runs at {best[0].RequestsPerSecond / best[i].RequestsPerSecond:F2} of it" : string.Empty) +
                $"; server CPU {cpu[i]:F2} µs a call (least of the rounds)");
        }

        Console.WriteLine($"server CPU per call, least of the rounds: {cpu[bare]:F2} µs raw, {cpu[shaped]:F2} µs raw reading the request + trailer");
        return best[..ours.Count];
    }

    private static Task<LoadResult> RoundAsync(LoadTarget endpoint, int requests, bool latencies) =>
        H2Load.RunAsync(endpoint.Url, endpoint.Body, requests, Clients, Streams, endpoint.Headers, latencies: latencies);

    /// <summary>Runs our endpoint at a fixed rate, to read its latency below saturation.</summary>
    public static Task<LoadResult> AtRateAsync(Uri url, byte[] body, int requests, double totalRate, string[] headers) =>
        H2Load.RunAsync(url, body, requests, Clients, Streams, headers, rate: (int)(totalRate / Clients));
}

/// <summary>One endpoint driven by <see cref="CeilingComparison"/>: what it is, where, the framed request and the headers sent.</summary>
public sealed record LoadTarget(string Name, Uri Url, byte[] Body, string[] Headers);
