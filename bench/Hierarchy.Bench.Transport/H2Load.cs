using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Hierarchy.Bench.Transport;

/// <summary>Drives an HTTP/2 endpoint with h2load (Debian's nghttp2-client) and reads its throughput and per-request latencies.</summary>
internal static partial class H2Load
{
    public static async Task<LoadResult> RunAsync(Uri url, byte[] body, int requests, int clients, int streams, params string[] headers)
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
            "--log-file", logFile,
        };
        foreach (var header in headers)
        {
            arguments.Add("-H");
            arguments.Add(header);
        }

        arguments.Add(url.ToString());
        var start = new ProcessStartInfo("h2load") { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("h2load did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        try
        {
            var summary = Summary().Match(output);
            var done = Done().Match(output);
            if (!summary.Success || !done.Success)
            {
                throw new InvalidOperationException("h2load printed no summary:\n" + output);
            }

            var latencies = (await File.ReadAllLinesAsync(logFile))
                .Select(line => line.Split('\t'))
                .Where(fields => fields.Length >= 3 && fields[1] == "200")
                .Select(fields => double.Parse(fields[2], CultureInfo.InvariantCulture) / 1000.0)
                .Order()
                .ToArray();
            return new LoadResult(
                double.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture),
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.99),
                int.Parse(done.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(done.Groups[2].Value, CultureInfo.InvariantCulture));
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
internal sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, int Done, int Succeeded);
