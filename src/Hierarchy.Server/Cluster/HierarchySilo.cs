using System.Net;
using System.Net.Sockets;
using Hierarchy.Grains;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Serialization.Configuration;

namespace Hierarchy.Server.Cluster;

/// <summary>
/// The Orleans silo every server process hosts beside its gRPC edge: alone with localhost clustering on SQLite, and in one
/// cluster with every other process on the same PostgreSQL, which holds the membership table.
/// </summary>
public static class HierarchySilo
{
    /// <summary>Gets the cluster and service id every Hierarchy silo shares; one database is one cluster.</summary>
    public const string ClusterId = "hierarchy";

    /// <summary>Adds the silo to the host.</summary>
    public static void AddHierarchySilo(this WebApplicationBuilder builder, ServerSettings settings)
    {
        var (siloPort, gatewayPort) = (settings.SiloPort ?? FreePort(), settings.GatewayPort ?? FreePort());
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
            silo.Configure<SiloOptions>(o => o.SiloName = settings.NodeName);
            silo.Services.AddSingleton<IFatalErrorHandler, StopOnFatalError>();
            silo.AddHierarchyErrors();
            if (settings.DashboardListen is not null)
            {
                silo.AddDashboard();
            }

            silo.AddAdoNetGrainStorage(GrainStorage.Name, o =>
            {
                // Orleans names SQLite by this invariant and opens it with Microsoft.Data.Sqlite.
                o.Invariant = settings.Storage.Engine == StorageEngine.PostgreSql ? "Npgsql" : "System.Data.SQLite";
                o.ConnectionString = settings.Storage.ConnectionString;
            });
            if (settings.Storage.Engine == StorageEngine.PostgreSql)
            {
                silo.Configure<EndpointOptions>(o =>
                {
                    o.AdvertisedIPAddress = AdvertisedAddress(settings.Listen.Address);
                    o.SiloPort = siloPort;
                    o.GatewayPort = gatewayPort;
                });
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = settings.Storage.ConnectionString;
                });
                silo.UseAdoNetReminderService(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = settings.Storage.ConnectionString;
                });
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ClusterId, clusterId: ClusterId);
                // One silo is the whole cluster: its sweepers' reminders need to outlive nothing but the silo itself.
                silo.UseInMemoryReminderService();
            }
        });
    }

    /// <summary>Lets Hierarchy's exceptions cross between silos as themselves, so the gRPC edge's error map can answer them.</summary>
    public static ISiloBuilder AddHierarchyErrors(this ISiloBuilder silo)
    {
        silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Hierarchy."));
        silo.Services.Configure<TypeManifestOptions>(o =>
        {
            foreach (var type in ErrorTypes)
            {
                o.AllowedTypes.Add(type.FullName!);
            }
        });
        return silo;
    }

    private static IEnumerable<Type> ErrorTypes =>
        new[] { typeof(Domain.Errors.DomainException).Assembly, typeof(Storage.StorageUnavailableException).Assembly }
            .SelectMany(a => a.GetTypes()).Where(t => typeof(Exception).IsAssignableFrom(t));

    // A silo listening on every interface is reached by others at this machine's loopback unless told otherwise.
    private static IPAddress AdvertisedAddress(IPAddress listen) =>
        listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any) ? IPAddress.Loopback : listen;

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
