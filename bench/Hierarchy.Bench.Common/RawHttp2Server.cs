using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hierarchy.Bench.Common;

/// <summary>The transport's ceiling: a bare Kestrel HTTP/2 endpoint that answers every request with a fixed body.</summary>
public sealed class RawHttp2Server : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RawHttp2Server(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Gets the path answered with only what gRPC requires of the transport; every other path is answered bare.</summary>
    public const string GrpcShapedPath = "/grpc-shaped";

    /// <summary>Gets the address.</summary>
    public Uri Address { get; }

    /// <summary>Starts the endpoint on a free loopback port.</summary>
    public static async Task<RawHttp2Server> StartAsync(byte[] body)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.Http2.MaxStreamsPerConnection = 1000;
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2);
        });
        var app = builder.Build();
        app.Run(http => http.Request.Path == GrpcShapedPath ? AnswerAsGrpcAsync(http, body) : AnswerBareAsync(http, body));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RawHttp2Server(app, new Uri(address));
    }

    /// <summary>The ceiling: the fixed body, without reading the request or sending trailers.</summary>
    private static async Task AnswerBareAsync(HttpContext http, byte[] body)
    {
        http.Response.ContentType = "application/grpc";
        await http.Response.Body.WriteAsync(body);
    }

    /// <summary>What any gRPC server on Kestrel must do: read the request to its end, answer, and end with a status trailer.</summary>
    private static async Task AnswerAsGrpcAsync(HttpContext http, byte[] body)
    {
        var reader = http.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync();
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        http.Response.ContentType = "application/grpc";
        http.Response.Headers["grpc-accept-encoding"] = "identity,gzip";
        await http.Response.BodyWriter.WriteAsync(body);
        http.Response.AppendTrailer("grpc-status", "0");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
