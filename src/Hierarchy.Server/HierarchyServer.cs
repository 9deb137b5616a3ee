using System.Net;
using System.Security.Cryptography.X509Certificates;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Grains.Reorganization;
using Hierarchy.Grains.Sweeps;
using Hierarchy.Import;
using Hierarchy.Server.Cluster;
using Hierarchy.Server.Health;
using Hierarchy.Server.Http;
using Hierarchy.Server.Issues;
using Hierarchy.Server.Operations;
using Hierarchy.Server.Pipeline;
using Hierarchy.Server.Reorganization;
using Hierarchy.Server.Replication;
using Hierarchy.Server.Responsibility;
using Hierarchy.Server.Security;
using Hierarchy.Server.Startup;
using Hierarchy.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Orleans.Dashboard;

namespace Hierarchy.Server;

/// <summary>One running Hierarchy server: storage opened, read model loaded, Kestrel serving gRPC over HTTP/2 on one port.</summary>
public sealed class HierarchyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StoreSet _stores;
    private readonly ServerSettings _settings;
    private bool _stopped;

    private HierarchyServer(WebApplication app, StoreSet stores, ServerSettings settings, Uri address, ImportSummary? sample)
    {
        _app = app;
        _settings = settings;
        _stores = stores;
        Address = address;
        Sample = sample;
    }

    /// <summary>Gets the address the server listens on, such as <c>http://127.0.0.1:50051</c>.</summary>
    public Uri Address { get; }

    /// <summary>Gets where JSON, the OpenAPI document and the console answer, such as <c>http://127.0.0.1:8080/</c>; null when off.</summary>
    public Uri? HttpAddress => _settings.HttpListen is { } http
        ? new UriBuilder(_settings.TlsCertificatePath is null ? "http" : "https", Loopback(http.Address).ToString(), http.Port).Uri
        : null;

    /// <summary>Gets what the sample import wrote, when this start loaded it.</summary>
    public ImportSummary? Sample { get; }

    /// <summary>Gets the server's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Gets the read model.</summary>
    public HierarchyState State => _app.Services.GetRequiredService<HierarchyState>();

    /// <summary>Gets this process's silo.</summary>
    public SiloAddress Silo => _app.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>Gets the silos this one's view of the cluster counts as active, itself included.</summary>
    public IReadOnlyList<SiloAddress> ActiveSilos =>
    [
        .. _app.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress),
    ];

    /// <summary>Opens storage, loads the sample into an empty database, loads the read model, and starts serving.</summary>
    public static async Task<HierarchyServer> StartAsync(
        ServerSettings settings, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        RefuseBusyPort(settings.Listen, "--listen");
        if (settings.DashboardListen is { } dashboardPort)
        {
            RefuseBusyPort(dashboardPort, "--dashboard");
        }

        if (settings.MetricsListen is { } metricsPort)
        {
            RefuseBusyPort(metricsPort, "--metrics");
        }

        if (settings.HttpListen is { } httpPort)
        {
            RefuseBusyPort(httpPort, "--http");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // Per-request hosting logs would cost more than the calls themselves.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        // Orleans' placement runs through a Polly pipeline that logs every attempt at Information.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        // With this logger off, hosting skips its per-request log scope and activity; the error map logs what fails.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        logging?.Invoke(builder.Logging);
        ConfigureKestrel(builder, settings);
        builder.AddHierarchySilo(settings);

        var tokens = new TokenDirectory(settings.Tokens
            ?? builder.Configuration.GetSection("Hierarchy:Tokens").GetChildren().ToDictionary(c => c.Key, c => c.Value ?? string.Empty));
        var whistle = settings.Whistle ?? WhistleSettings.Read(builder.Configuration.GetSection("Hierarchy:Whistle"));
        var scoring = ScoringSettings.Read(builder.Configuration.GetSection("Hierarchy:Scoring"));
        var links = settings.LinkPolicies ?? LinkPolicySettings.Read(builder.Configuration.GetSection("Hierarchy:LinkPolicy"));
        var evaluation = PropertyEvaluationSettings.Read(builder.Configuration.GetSection("Hierarchy:PropertyEvaluation"));
        using var loggers = LoggerFactory.Create(l =>
        {
            l.AddSimpleConsole(o => o.SingleLine = true);
            logging?.Invoke(l);
        });
        var startup = loggers.CreateLogger("Hierarchy.Startup");
        var sample = settings.LoadSample && settings.Storage.Engine == StorageEngine.Sqlite
            ? await SampleData.LoadIntoSqliteFileAsync(settings.Storage, startup, cancellationToken)
            : null;
        var stores = await StorageFactory.OpenAsync(settings.Storage, cancellationToken, settings.NodeName);
        try
        {
            sample ??= settings.LoadSample ? await SampleData.LoadIfEmptyAsync(stores, startup, cancellationToken) : null;
            // The feed's end is read first: whatever commits while the model loads is caught up after, never missed.
            var position = await stores.Changes.LastPositionAsync(cancellationToken);
            var state = await ReadModelLoader.LoadAsync(stores, cancellationToken);

            builder.Services.AddSingleton(settings);
            builder.Services.AddSingleton(stores);
            builder.Services.AddSingleton(stores.Tree);
            builder.Services.AddSingleton(stores.Households);
            builder.Services.AddSingleton(stores.Members);
            builder.Services.AddSingleton(stores.Issues);
            builder.Services.AddSingleton(stores.Statistics);
            builder.Services.AddSingleton(stores.KeyUnits);
            builder.Services.AddSingleton(stores.ResponsibilityLists);
            builder.Services.AddSingleton<ResponsibilityListWorkflow>();
            // Keyed: a test's movable clock must not drive Orleans' membership timers, which read TimeProvider.
            builder.Services.AddKeyedSingleton(ServerSettings.ClockKey, settings.Clock);
            builder.Services.AddSingleton<IssueFeed>();
            builder.Services.AddSingleton<IssueWorkflow>();
            builder.Services.AddSingleton<IssueScopes>();
            builder.Services.AddSingleton(new EscalationSweepOptions { Interval = settings.SweepInterval });
            builder.Services.AddSingleton<DueIssueSweep>();
            builder.Services.AddHostedService<EscalationSweepers>();
            builder.Services.AddSingleton(stores.Reorganizations);
            builder.Services.AddSingleton<ReorganizationWorkflow>();
            builder.Services.AddSingleton<IPlanApplier>(sp => sp.GetRequiredService<ReorganizationWorkflow>());
            builder.Services.AddSingleton<HistoricalTrees>();
            builder.Services.AddSingleton<RetiredUnits>();
            builder.Services.AddSingleton(stores.Changes);
            builder.Services.AddSingleton<ChangeFeedFollower>();
            builder.Services.AddSingleton<ChangeListener>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ChangeListener>());
            builder.Services.AddHostedService<CommitAnnouncements>();
            builder.Services.AddSingleton(state);
            builder.Services.AddSingleton(tokens);
            builder.Services.AddSingleton(whistle);
            builder.Services.AddSingleton(scoring);
            builder.Services.AddSingleton(links);
            builder.Services.AddSingleton(stores.Supervision);
            builder.Services.AddSingleton(stores.CoBuilding);
            builder.Services.AddSingleton(stores.Organizations);
            builder.Services.AddSingleton(evaluation);
            builder.Services.AddSingleton<Services.CoBuildingRoster>();
            builder.Services.AddSingleton<HierarchyErrorMap>();
            builder.Services.AddHierarchyGrpc(settings);
            builder.Services.AddHierarchyHttp();
            builder.Services.AddHierarchyMetrics(settings, state);

            var app = builder.Build();
            app.Services.GetRequiredService<ChangeFeedFollower>().StartAt(position);
            app.MapHierarchyGrpc();
            app.MapHierarchyHttp(settings);
            if (settings.DashboardListen is { } dashboard)
            {
                app.MapOrleansDashboard().RequireHost($"*:{dashboard.Port}");
            }

            if (settings.MetricsListen is { } metrics)
            {
                app.MapHierarchyMetrics(metrics.Port);
            }
            ServingStatus.MarkNotServing(app.Services);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch
            {
                // The silo may have started before Kestrel failed to bind: a failed start must leave nothing running.
                await app.StopAsync(new CancellationToken(canceled: true));
                await app.DisposeAsync();
                throw;
            }

            await ServingStatus.PublishAsync(app.Services, cancellationToken);
            var server = new HierarchyServer(app, stores, settings, BoundAddress(app, settings), sample);
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Hierarchy.Cluster").LogInformation(
                "Silo {Silo} joined cluster '{Cluster}': {Active} active silo(s)", server.Silo, HierarchySilo.ClusterId, server.ActiveSilos.Count);
            return server;
        }
        catch
        {
            await stores.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the host is asked to stop (Ctrl-C or SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops at once, as a crash would: open calls and background work are cut off, nothing is drained.</summary>
    public async Task KillAsync()
    {
        _stopped = true;
        await _app.StopAsync(new CancellationToken(canceled: true));
        await _app.DisposeAsync();
        await _stores.DisposeAsync();
    }

    /// <summary>Stops gracefully: open calls finish, watches end.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _stores.DisposeAsync();
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder, ServerSettings settings) =>
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.Http2.MaxStreamsPerConnection = settings.MaxStreamsPerConnection;
            kestrel.Limits.Http2.KeepAlivePingDelay = settings.KeepAlivePingDelay;
            kestrel.Limits.Http2.KeepAlivePingTimeout = settings.KeepAlivePingTimeout;
            kestrel.Limits.MaxRequestHeadersTotalSize = settings.MaxRequestHeadersSize;
            kestrel.Limits.Http2.MaxRequestHeaderFieldSize = settings.MaxRequestHeadersSize;
            kestrel.Listen(settings.Listen, listen =>
            {
                // Cleartext HTTP/2 needs a port of its own: without TLS there is no ALPN to choose the protocol.
                listen.Protocols = HttpProtocols.Http2;
                if (settings.TlsCertificatePath is { } cert)
                {
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(cert, settings.TlsKeyPath));
                }
            });
            if (settings.MetricsListen is { } metrics)
            {
                kestrel.Listen(metrics, listen => listen.Protocols = HttpProtocols.Http1);
            }

            if (settings.HttpListen is { } http)
            {
                // Browsers and curl: HTTP/1.1, or HTTP/2 by prior knowledge without TLS, by ALPN with it.
                kestrel.Listen(http, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    if (settings.TlsCertificatePath is { } cert)
                    {
                        listen.UseHttps(X509Certificate2.CreateFromPemFile(cert, settings.TlsKeyPath));
                    }
                });
            }

            if (settings.DashboardListen is { } dashboard)
            {
                // Browsers speak HTTP/1.1 or TLS; the dashboard gets a port of its own rather than weakening the gRPC one.
                kestrel.Listen(dashboard, listen => listen.Protocols = HttpProtocols.Http1);
            }
        });

    // Checked before anything starts, so a busy port is one clear error instead of a host that half started and stopped.
    private static void RefuseBusyPort(IPEndPoint listen, string flag)
    {
        if (listen.Port == 0)
        {
            return;
        }

        using var probe = new System.Net.Sockets.Socket(listen.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        // As Kestrel binds: connections of a previous run still in TIME_WAIT do not make the port busy.
        probe.SetSocketOption(System.Net.Sockets.SocketOptionLevel.Socket, System.Net.Sockets.SocketOptionName.ReuseAddress, true);
        try
        {
            probe.Bind(listen);
        }
        catch (System.Net.Sockets.SocketException e)
            when (e.SocketErrorCode is System.Net.Sockets.SocketError.AddressAlreadyInUse or System.Net.Sockets.SocketError.AddressNotAvailable)
        {
            throw new UnusablePortException(flag, listen, e);
        }
    }

    private static Uri BoundAddress(WebApplication app, ServerSettings settings)
    {
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => new Uri(a).Port is var port && port != settings.DashboardListen?.Port && port != settings.MetricsListen?.Port
                && port != settings.HttpListen?.Port);
        var scheme = settings.TlsCertificatePath is null ? "http" : "https";
        return new UriBuilder(scheme, Loopback(settings.Listen.Address).ToString(), new Uri(bound).Port).Uri;
    }

    private static IPAddress Loopback(IPAddress listen) => listen.Equals(IPAddress.Any) ? IPAddress.Loopback : listen;
}
