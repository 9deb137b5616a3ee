using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Hierarchy.Bench.Fuzz;
using Hierarchy.Grpc.Client;
using Hierarchy.Server;
using Hierarchy.Server.Startup;
using Hierarchy.Testing;

// Fuzzes every unary method of the public API with bounded random input (strings up to 1 MB of any characters, random
// ids, undefined enum values, out-of-range times, nested messages) from three callers for SECONDS, against a real server
// over Weidu on SQLite. A fault is an UNKNOWN, INTERNAL or DATA_LOSS answer, or an answer the server could not send for
// its size; each is printed with the request that caused it, and the exit code is 1 when there was any.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 120;
var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.TickCount;
var path = Path.Combine(Path.GetTempPath(), $"hierarchy-fuzz-{Guid.NewGuid():N}.db");
var storage = StorageSettings.Parse(path);
await using (var stores = await StorageFactory.OpenAsync(storage, CancellationToken.None))
{
    await WeiduSample.ImportAsync(stores);
}

await using var server = await HierarchyServer.StartAsync(
    new ServerSettings
    {
        Listen = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0),
        Storage = storage,
        LoadSample = false,
        SweepInterval = null,
        Tokens = new Dictionary<string, string>
        {
            ["admin"] = "admin:1",
            ["service"] = "service",
            ["member"] = "member:5",
            ["dispatcher"] = "dispatcher",
            ["department"] = "department:housing",
            ["worker"] = "worker:4",
        },
    },
    logging => logging.ClearProviders());
// The client sends anything and takes anything, so every size limit met is the server's.
using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxSendMessageSize = null, MaxReceiveMessageSize = null });
var methods = new[]
{
    Hierarchy.V1.ResponsibilityService.Descriptor, Hierarchy.V1.DirectoryService.Descriptor, Hierarchy.V1.PartyMemberService.Descriptor,
    Hierarchy.V1.IssueService.Descriptor, Hierarchy.V1.StatsService.Descriptor, Hierarchy.V1.AdminService.Descriptor, Hierarchy.V1.SupervisionService.Descriptor,
    Hierarchy.V1.OrganizationService.Descriptor,
}.SelectMany(s => s.Methods).Where(m => !m.IsClientStreaming && !m.IsServerStreaming).ToList();
var tokens = new[] { "admin", "service", "member", "dispatcher", "department", "worker" };
var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<(string Method, StatusCode Status), long>();
var faults = new System.Collections.Concurrent.ConcurrentQueue<string>();
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
{
    var input = new RandomInput(new Random(seed + worker));
    while (!stop.IsCancellationRequested)
    {
        var method = methods[input.Next(methods.Count)];
        var request = input.Message(method.InputType, 0);
        var call = new Method<IMessage, IMessage>(MethodType.Unary, method.Service.FullName, method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), method.InputType.Parser.ParseFrom),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), method.OutputType.Parser.ParseFrom));
        var status = StatusCode.OK;
        string detail = string.Empty;
        try
        {
            await channel.CreateCallInvoker().AsyncUnaryCall(call, null,
                Bearer.Options(tokens[input.Next(tokens.Length)]).WithDeadline(DateTime.UtcNow.AddSeconds(30)), request).ResponseAsync;
        }
        catch (RpcException e)
        {
            (status, detail) = (e.StatusCode, e.Status.Detail ?? string.Empty);
        }

        outcomes.AddOrUpdate((method.FullName, status), 1, (_, n) => n + 1);
        if (status is StatusCode.Unknown or StatusCode.Internal or StatusCode.DataLoss
            || (status == StatusCode.ResourceExhausted && detail.Contains("Sending message exceeds", StringComparison.Ordinal)))
        {
            var shown = request.ToString() ?? string.Empty;
            faults.Enqueue($"{method.FullName}: {status} \"{Prefix(detail, 200)}\" for {Prefix(shown, 400)}");
        }
    }
})));

foreach (var group in outcomes.GroupBy(o => o.Key.Method).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"{group.Key,-60} {string.Join(", ", group.OrderBy(o => o.Key.Status).Select(o => $"{o.Key.Status} {o.Value:N0}"))}");
}

Console.WriteLine($"{outcomes.Values.Sum():N0} calls in {seconds} s (seed {seed}); faults: {faults.Count}");
foreach (var fault in faults.Distinct().Take(30))
{
    Console.WriteLine("  " + fault);
}

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
{
    File.Delete(file);
}

return faults.IsEmpty ? 0 : 1;

static string Prefix(string text, int length) => text.Length > length ? text[..length] + "…" : text;
