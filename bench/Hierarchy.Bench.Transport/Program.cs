using System.Net;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Hierarchy.Bench.Common;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// The transport's ceiling: Grpc.AspNetCore's Health/Check against a raw Kestrel HTTP/2 endpoint returning the same body, same run, same load.
var requests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300_000;

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
builder.Services.AddGrpc();
builder.Services.AddGrpcHealthChecks(o => o.UseHealthChecksCache = true);
await using var grpc = builder.Build();
grpc.MapGrpcHealthChecksService();
await grpc.StartAsync();
grpc.Services.GetRequiredService<HealthServiceImpl>().SetStatus(string.Empty, HealthCheckResponse.Types.ServingStatus.Serving);
await using var raw = await RawHttp2Server.StartAsync(GrpcFrame.Of(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving }));

var address = new Uri(grpc.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
string[] headers = ["content-type: application/grpc", "te: trailers"];
var check = new LoadTarget("Grpc.AspNetCore unary (Health/Check)", new Uri(address, "/grpc.health.v1.Health/Check"), GrpcFrame.Of(new HealthCheckRequest()), headers);

var best = await CeilingComparison.RunAsync([check], raw, requests);
return best[0].Succeeded == requests ? 0 : 1;
