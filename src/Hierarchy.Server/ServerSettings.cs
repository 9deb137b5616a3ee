using System.Net;

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

    /// <summary>Gets how often overdue issues are escalated; null turns the background sweeper off. Defaults to 1 second.</summary>
    public TimeSpan? SweepInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets how often a server on SQLite looks for changes other processes (the operator CLI) wrote to its file.</summary>
    public TimeSpan SqlitePollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the clock; tests move a clock of their own instead of sleeping. Defaults to the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Gets this replica's name, for its database connections and logs. Defaults to the host name and process id.</summary>
    public string NodeName { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Gets the largest request message accepted, in bytes. Defaults to 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; init; } = 4 * 1024 * 1024;
}
