using System.Net;
using System.Net.Sockets;

namespace Hierarchy.Testing;

/// <summary>A loopback port free at the moment of asking, for a server a test must know the port of before it starts.</summary>
public static class LoopbackPort
{
    /// <summary>Gets a port the system just handed out and took back.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
