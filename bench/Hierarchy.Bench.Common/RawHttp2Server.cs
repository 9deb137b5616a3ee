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
        app.Run(async http =>
        {
            http.Response.ContentType = "application/grpc";
            await http.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RawHttp2Server(app, new Uri(address));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
