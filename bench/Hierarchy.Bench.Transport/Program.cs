using System.Net;
using Google.Protobuf;
using Hierarchy.Bench.Transport;
using Hierarchy.Grpc.Health.V1;
using Hierarchy.Grpc.Protocol;
using Hierarchy.Grpc.Server;
using Hierarchy.Grpc.Standard;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// The transport's ceiling: our unary gRPC method against a raw Kestrel HTTP/2 endpoint returning a fixed body, same run, same load.
var requests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300_000;
const int Clients = 4;
const int Streams = 64;

var request = new HealthCheckRequest();
var framed = new byte[MessageFrame.HeaderSize + request.CalculateSize()];
var reply = new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving };
var fixedBody = new byte[MessageFrame.HeaderSize + reply.CalculateSize()];
System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(fixedBody.AsSpan(1), (uint)reply.CalculateSize());
reply.WriteTo(fixedBody.AsSpan(MessageFrame.HeaderSize));

await using var grpc = await StartAsync(builder => builder.Services.AddGrpcProtocol(), app => app.RunGrpc());
await using var raw = await StartAsync(_ => { }, app => app.Run(async http =>
{
    http.Response.ContentType = "application/grpc";
    await http.Response.Body.WriteAsync(fixedBody);
}));

var grpcUrl = new Uri(Address(grpc), HealthService.Methods.Check.Path);
var rawUrl = new Uri(Address(raw), "/raw");
string[] headers = ["content-type: application/grpc", "te: trailers"];

Console.WriteLine($"warming up ({Environment.ProcessorCount} cores, h2load -c {Clients} -m {Streams})");
await H2Load.RunAsync(grpcUrl, framed, requests / 5, Clients, Streams, headers);
await H2Load.RunAsync(rawUrl, framed, requests / 5, Clients, Streams, headers);

// Interleaved rounds so drift on a shared machine hits both sides alike; the best round of each counts.
var ours = new List<LoadResult>();
var ceiling = new List<LoadResult>();
for (var round = 0; round < 3; round++)
{
    ours.Add(await H2Load.RunAsync(grpcUrl, framed, requests, Clients, Streams, headers));
    ceiling.Add(await H2Load.RunAsync(rawUrl, framed, requests, Clients, Streams, headers));
}

var best = ours.MaxBy(r => r.RequestsPerSecond)!;
var top = ceiling.MaxBy(r => r.RequestsPerSecond)!;
Print("gRPC unary (Health/Check)", best);
Print("raw Kestrel HTTP/2", top);
Console.WriteLine($"ratio gRPC / raw HTTP/2: {best.RequestsPerSecond / top.RequestsPerSecond:F2}");
return best.Succeeded == requests && top.Succeeded == requests ? 0 : 1;

static void Print(string name, LoadResult r) =>
    Console.WriteLine($"{name,-28} {r.RequestsPerSecond,10:N0} req/s   p50 {r.P50Ms,6:F2} ms   p99 {r.P99Ms,6:F2} ms   ok {r.Succeeded}/{r.Done}");

static Uri Address(WebApplication app) =>
    new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

static async Task<WebApplication> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.ConfigureKestrel(k =>
    {
        k.Limits.Http2.MaxStreamsPerConnection = 1000;
        k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2);
    });
    configure(builder);
    var app = builder.Build();
    map(app);
    await app.StartAsync();
    return app;
}
