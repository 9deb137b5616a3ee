using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Hierarchy.Bench.Common;

/// <summary>Drives an HTTP/2 endpoint with h2load (Debian's nghttp2-client) and reads its throughput and per-request latencies.</summary>
public static partial class H2Load
{
    /// <summary>Sends <paramref name="requests"/> POSTs of <paramref name="body"/>; <paramref name="rate"/> &gt; 0 caps requests/s per client.</summary>
    /// <remarks>
    /// Per-request latencies come from h2load's log file, whose writing costs h2load about as much CPU as a call costs the
    /// server; on a box shared with the server that would cap throughput, so peak runs leave it off (<paramref name="latencies"/>).
    /// </remarks>
    public static async Task<LoadResult> RunAsync(
        Uri url, byte[] body, int requests, int clients, int streams, string[] headers, int rate = 0, bool latencies = true)
    {
        var bodyFile = Path.GetTempFileName();
        var logFile = Path.GetTempFileName();
        await File.WriteAllBytesAsync(bodyFile, body);
        var arguments = new List<string>
        {
            "-n", requests.ToString(CultureInfo.InvariantCulture),
            "-c", clients.ToString(CultureInfo.InvariantCulture),
            "-m", streams.ToString(CultureInfo.InvariantCulture),
            "-t", "1",
            "-d", bodyFile,
        };
        if (latencies)
        {
            arguments.Add("--log-file");
            arguments.Add(logFile);
        }

        if (rate > 0)
        {
            arguments.Add($"--rps={rate}");
        }

        foreach (var header in headers)
        {
            arguments.Add("-H");
            arguments.Add(header);
        }

        arguments.Add(url.ToString());
        var start = new ProcessStartInfo("h2load") { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        // The servers run in this process and h2load in its own, so this process's CPU time is the servers' cost.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("h2load did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var serverCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        try
        {
            var summary = Summary().Match(output);
            var done = Done().Match(output);
            if (!summary.Success || !done.Success)
            {
                throw new InvalidOperationException("h2load printed no summary:\n" + output);
            }

            var sorted = (await File.ReadAllLinesAsync(logFile))
                .Select(line => line.Split('\t'))
                .Where(fields => fields.Length >= 3 && fields[1] == "200")
                .Select(fields => double.Parse(fields[2], CultureInfo.InvariantCulture) / 1000.0)
                .Order()
                .ToArray();
            return new LoadResult(
                double.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture),
                Percentile(sorted, 0.50),
                Percentile(sorted, 0.99),
                int.Parse(done.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(done.Groups[2].Value, CultureInfo.InvariantCulture),
                serverCpu.TotalMicroseconds / requests,
                (double)allocated / requests);
        }
        finally
        {
            File.Delete(bodyFile);
            File.Delete(logFile);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    [GeneratedRegex(@"finished in [^,]+, ([0-9.]+) req/s")]
    private static partial Regex Summary();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, (\d+) done, (\d+) succeeded")]
    private static partial Regex Done();
}

/// <summary>One load run: requests per second, latency percentiles in milliseconds, and how many requests succeeded.</summary>
public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, int Done, int Succeeded, double ServerCpuMicroseconds, double AllocatedBytes)
{
    /// <summary>Formats the run as one line of a report.</summary>
    public string Describe(string name) =>
        $"{name,-34} {RequestsPerSecond,10:N0} req/s   {Latency()}   server {ServerCpuMicroseconds,5:F2} µs CPU {AllocatedBytes,5:F0} B allocated a call   ok {Succeeded}/{Done}";

    private string Latency() => double.IsNaN(P50Ms) ? "latency not logged      " : $"p50 {P50Ms,5:F2} ms p99 {P99Ms,5:F2} ms";
}
