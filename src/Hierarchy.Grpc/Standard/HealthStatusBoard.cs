using System.Threading.Channels;
using Hierarchy.Grpc.Server;
using static Hierarchy.Grpc.Health.V1.HealthCheckResponse.Types;

namespace Hierarchy.Grpc.Standard;

/// <summary>The serving status of each registered service and of the server as a whole (the empty name), with watchers.</summary>
public sealed class HealthStatusBoard
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private readonly List<(string Service, Channel<ServingStatus> Channel)> _watchers = [];
    private bool _shutDown;

    /// <summary>Initializes a new instance of the <see cref="HealthStatusBoard"/> class knowing every registered service.</summary>
    public HealthStatusBoard(IEnumerable<GrpcServiceRegistration> registrations)
    {
        _statuses[string.Empty] = ServingStatus.NotServing;
        foreach (var registration in registrations)
        {
            _statuses[registration.Descriptor.FullName] = ServingStatus.NotServing;
        }
    }

    /// <summary>Gets the status of a service; null when the service is not known.</summary>
    public ServingStatus? Get(string service)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out var status) ? status : null;
        }
    }

    /// <summary>Sets the status of one service (or of the server, with the empty name) and tells its watchers.</summary>
    public void Set(string service, ServingStatus status)
    {
        lock (_lock)
        {
            _statuses[service] = status;
            foreach (var watcher in _watchers.Where(w => w.Service == service))
            {
                watcher.Channel.Writer.TryWrite(status);
            }
        }
    }

    /// <summary>Marks the server and every service as serving.</summary>
    public void MarkAllServing()
    {
        foreach (var service in Snapshot())
        {
            Set(service, ServingStatus.Serving);
        }
    }

    /// <summary>Marks everything not serving and ends every watch, so shutdown does not wait on open streams.</summary>
    public void ShutDown()
    {
        foreach (var service in Snapshot())
        {
            Set(service, ServingStatus.NotServing);
        }

        lock (_lock)
        {
            _shutDown = true;
            foreach (var watcher in _watchers)
            {
                watcher.Channel.Writer.TryComplete();
            }
        }
    }

    /// <summary>Watches one service: the current status first, then every change, until shutdown.</summary>
    public async IAsyncEnumerable<ServingStatus> WatchAsync(
        string service, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<ServingStatus>(new UnboundedChannelOptions { SingleReader = true });
        var entry = (service, channel);
        lock (_lock)
        {
            channel.Writer.TryWrite(_statuses.TryGetValue(service, out var status) ? status : ServingStatus.ServiceUnknown);
            if (_shutDown)
            {
                channel.Writer.TryComplete();
            }

            _watchers.Add(entry);
        }

        try
        {
            await foreach (var status in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return status;
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers.Remove(entry);
            }
        }
    }

    private List<string> Snapshot()
    {
        lock (_lock)
        {
            return [.. _statuses.Keys];
        }
    }
}
