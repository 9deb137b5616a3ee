using System.Net;
using Google.Protobuf;
using Hierarchy.Bench.Common;
using Hierarchy.Grpc.Health.V1;
using Hierarchy.Grpc.Protocol;
using Hierarchy.Grpc.Server;
using Hierarchy.Grpc.Standard;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// The transport's ceiling: our unary gRPC method against a raw Kestrel HTTP/2 endpoint returning a fixed body, same run, same load.
var requests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300_000;

var framed = new byte[MessageFrame.HeaderSize];
var reply = new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving };
var fixedBody = new byte[MessageFrame.HeaderSize + reply.CalculateSize()];
System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(fixedBody.AsSpan(1), (uint)reply.CalculateSize());
reply.WriteTo(fixedBody.AsSpan(MessageFrame.HeaderSize));

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
builder.Services.AddGrpcProtocol();
await using var grpc = builder.Build();
grpc.RunGrpc();
await grpc.StartAsync();
await using var raw = await RawHttp2Server.StartAsync(fixedBody);

var grpcUrl = new Uri(new Uri(grpc.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), HealthService.Methods.Check.Path);
string[] headers = ["content-type: application/grpc", "te: trailers"];

var best = await CeilingComparison.RunAsync("gRPC unary (Health/Check)", grpcUrl, raw, framed, requests, headers);
return best.Succeeded == requests ? 0 : 1;
