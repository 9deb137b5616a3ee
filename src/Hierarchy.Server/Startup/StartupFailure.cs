using System.Net.Sockets;
using Hierarchy.Storage;

namespace Hierarchy.Server.Startup;

/// <summary>What an operator is told, in one line, when the server cannot start for a reason of theirs to fix.</summary>
public static class StartupFailure
{
    /// <summary>Gets the line for <paramref name="exception"/>; null for a fault that deserves its full report.</summary>
    public static string? Describe(Exception exception, ServerSettings settings) => exception switch
    {
        _ when Find<UnusablePortException>(exception) is { InUse: true } busy =>
            $"{busy.Endpoint} is already in use by another program; start on another port with {busy.Flag} {busy.Endpoint.Address}:{NextPort(busy.Endpoint.Port)}",
        _ when Find<UnusablePortException>(exception) is { } foreign =>
            $"{foreign.Endpoint.Address} is not an address of this machine; listen on one of its own with {foreign.Flag}, such as 127.0.0.1:{foreign.Endpoint.Port}",
        _ when Find<SocketException>(exception) is { SocketErrorCode: SocketError.AddressAlreadyInUse } =>
            $"{settings.Listen} is already in use by another program; start on another port with --listen {settings.Listen.Address}:{NextPort(settings.Listen.Port)}",
        _ when Find<SocketException>(exception) is { SocketErrorCode: SocketError.AddressNotAvailable } =>
            $"{settings.Listen.Address} is not an address of this machine; listen on one of its own with --listen, such as 127.0.0.1:{settings.Listen.Port}",
        _ when Find<StorageUnavailableException>(exception) is { } storage => $"{storage.Message}; check --database",
        _ => null,
    };

    private static int NextPort(int port) => port is > 0 and < 65535 ? port + 1 : 50052;

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
