using System.Net;
using Hierarchy.Domain.Access;

namespace Hierarchy.Server;

/// <summary>How a server instance listens and where it keeps its data.</summary>
public sealed record ServerSettings
{
    /// <summary>Gets the address and port to listen on. Defaults to 127.0.0.1:50051; port 0 picks a free one.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 50051);

    /// <summary>Gets the storage engine and its location.</summary>
    public StorageSettings Storage { get; init; } = StorageSettings.DefaultSqlite;

    /// <summary>Gets the PEM certificate for TLS; null serves cleartext HTTP/2 (h2c).</summary>
    public string? TlsCertificatePath { get; init; }

    /// <summary>Gets the PEM private key of <see cref="TlsCertificatePath"/>.</summary>
    public string? TlsKeyPath { get; init; }

    /// <summary>Gets whether an empty database gets the Tongzhou sample. Defaults to true.</summary>
    public bool LoadSample { get; init; } = true;

    /// <summary>Gets the bearer tokens and the role each grants; null reads <c>Hierarchy:Tokens</c> from configuration.</summary>
    public IReadOnlyDictionary<string, string>? Tokens { get; init; }

    /// <summary>Gets who may blow the whistle (吹哨) and how long a called department has to report; null reads <c>Hierarchy:Whistle</c>.</summary>
    public WhistlePolicy? Whistle { get; init; }

    /// <summary>Gets how often overdue issues are escalated; null turns the background sweeper off. Defaults to 1 second.</summary>
    public TimeSpan? SweepInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets how often a silo reads the change feed without being told of a commit: what the operator CLI writes is told to
    /// nobody, and a word lost while a silo fails over is covered by this.
    /// </summary>
    public TimeSpan FeedPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the service key of <see cref="Clock"/>: the domain's clock only, never Orleans' timers.</summary>
    public const string ClockKey = Grains.DomainClock.Key;

    /// <summary>Gets the clock of deadlines, reports and statistics; tests move a clock of their own instead of sleeping. Defaults to the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Gets this replica's name, for its database connections and logs. Defaults to the host name and process id.</summary>
    public string NodeName { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Gets the largest request message accepted, in bytes. Defaults to 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Gets the largest response message sent, in bytes; a larger answer fails RESOURCE_EXHAUSTED. Defaults to 4 MiB.</summary>
    public int MaxSendMessageSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>Gets how many calls one HTTP/2 connection may have open at once. Defaults to 100.</summary>
    public int MaxStreamsPerConnection { get; init; } = 100;

    /// <summary>Gets the largest total size of a call's request headers, in bytes. Defaults to 32 KiB.</summary>
    public int MaxRequestHeadersSize { get; init; } = 32 * 1024;

    /// <summary>Gets how long a connection may stay silent before the server pings it. Defaults to 30 seconds.</summary>
    public TimeSpan KeepAlivePingDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how long the server waits for a ping's answer before it closes the connection. Defaults to 20 seconds.</summary>
    public TimeSpan KeepAlivePingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets the port silos talk to each other on; null picks a free one, which is logged.</summary>
    public int? SiloPort { get; init; }

    /// <summary>Gets the port Orleans clients reach the silo on; null picks a free one.</summary>
    public int? GatewayPort { get; init; }

    /// <summary>Gets where the Orleans Dashboard listens (HTTP/1.1, its own port); null keeps it off.</summary>
    public IPEndPoint? DashboardListen { get; init; }

    /// <summary>Gets the link policies per kind of member; null reads <c>Hierarchy:LinkPolicy</c> from configuration.</summary>
    public Domain.People.LinkPolicies? LinkPolicies { get; init; }

    /// <summary>Gets where to serve JSON over HTTP/1.1 and HTTP/2, the OpenAPI document and the admin console; null serves none.</summary>
    public IPEndPoint? HttpListen { get; init; }

    /// <summary>Gets where to serve <c>/metrics</c> (Prometheus), <c>/healthz</c> and <c>/readyz</c> over HTTP/1.1; null (the default) serves none.</summary>
    public IPEndPoint? MetricsListen { get; init; }
}
