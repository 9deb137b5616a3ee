using System.Net;
using System.Security.Cryptography.X509Certificates;
using Hierarchy.Grpc.Server;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hierarchy.Server;

/// <summary>One running Hierarchy server: Kestrel serving gRPC over HTTP/2 on one port.</summary>
public sealed class HierarchyServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HierarchyServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Gets the address the server listens on, such as <c>http://127.0.0.1:50051</c>.</summary>
    public Uri Address { get; }

    /// <summary>Gets the server's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Builds and starts a server; returns once it accepts calls.</summary>
    public static async Task<HierarchyServer> StartAsync(
        ServerSettings settings, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Per-request hosting logs would cost more than the calls themselves.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (logging is not null)
        {
            logging(builder.Logging);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(settings.Listen, listen =>
            {
                // Cleartext HTTP/2 needs a port of its own: without TLS there is no ALPN to choose the protocol.
                listen.Protocols = HttpProtocols.Http2;
                if (settings.TlsCertificatePath is { } cert)
                {
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(cert, settings.TlsKeyPath));
                }
            });
        });
        builder.Services.AddSingleton(settings);
        builder.Services.AddGrpcProtocol(options => options.MaxReceiveMessageSize = settings.MaxReceiveMessageSize);

        var app = builder.Build();
        app.RunGrpc();
        await app.StartAsync(cancellationToken);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound).Port;
        var scheme = settings.TlsCertificatePath is null ? "http" : "https";
        var host = settings.Listen.Address.Equals(IPAddress.Any) ? IPAddress.Loopback : settings.Listen.Address;
        return new HierarchyServer(app, new UriBuilder(scheme, host.ToString(), port).Uri);
    }

    /// <summary>Waits until the host is asked to stop (Ctrl-C or SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops gracefully: open calls finish, watches end.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
