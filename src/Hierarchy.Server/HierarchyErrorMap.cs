using Grpc.Core;
using Hierarchy.Domain.Errors;
using Hierarchy.Storage;

namespace Hierarchy.Server;

/// <summary>The one place Hierarchy's exceptions become gRPC statuses.</summary>
public sealed class HierarchyErrorMap
{
    /// <summary>Gets the status for a Hierarchy exception; null for any other exception, which is a fault, not an answer.</summary>
    public Status? Map(Exception exception) => exception switch
    {
        InvalidFieldException e => new Status(StatusCode.InvalidArgument, e.Message),
        NotFoundException e => new Status(StatusCode.NotFound, e.Message),
        RuleViolationException e => new Status(StatusCode.FailedPrecondition, e.Message),
        VersionConflictException e => new Status(StatusCode.Aborted, e.Message),
        PermissionDeniedException e => new Status(StatusCode.PermissionDenied, e.Message),
        UnauthenticatedException e => new Status(StatusCode.Unauthenticated, e.Message),
        StorageUnavailableException e => new Status(StatusCode.Unavailable, e.Message),
        Replication.ReplicaBehindException e => new Status(StatusCode.Unavailable, e.Message),
        // A silo that holds what the call needed went away; its grains come back on another once the cluster knows.
        Orleans.Runtime.OrleansMessageRejectionException e =>
            new Status(StatusCode.Unavailable, $"the silo holding what this call changes went away; retry as the retry table says ({e.Message})"),
        // A grain that did not answer in time may still have made the change: a retry must carry expected_version.
        TimeoutException e => new Status(StatusCode.Unavailable, $"the cluster did not answer in time; re-read before retrying a change ({e.Message})"),
        _ => null,
    };
}
