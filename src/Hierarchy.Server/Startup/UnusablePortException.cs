using System.Net;
using System.Net.Sockets;

namespace Hierarchy.Server.Startup;

/// <summary>A port named by a flag that this process cannot listen on: busy, or an address not of this machine.</summary>
public sealed class UnusablePortException(string flag, IPEndPoint endpoint, SocketException inner)
    : Exception($"{flag} {endpoint}: {inner.Message}", inner)
{
    /// <summary>Gets the flag that names the port, such as <c>--http</c>.</summary>
    public string Flag { get; } = flag;

    /// <summary>Gets the endpoint asked for.</summary>
    public IPEndPoint Endpoint { get; } = endpoint;

    /// <summary>Gets whether another program holds the port (otherwise the address is not this machine's).</summary>
    public bool InUse => ((SocketException)InnerException!).SocketErrorCode == SocketError.AddressAlreadyInUse;
}
