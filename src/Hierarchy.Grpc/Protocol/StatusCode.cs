namespace Hierarchy.Grpc.Protocol;

/// <summary>The gRPC status codes, numbered as the gRPC specification numbers them.</summary>
public enum StatusCode
{
    /// <summary>The call succeeded.</summary>
    OK = 0,

    /// <summary>The caller cancelled the call.</summary>
    Cancelled = 1,

    /// <summary>An error the server did not expect; its log names the cause.</summary>
    Unknown = 2,

    /// <summary>A request field is malformed; the message names the field.</summary>
    InvalidArgument = 3,

    /// <summary>The deadline passed before the call ended.</summary>
    DeadlineExceeded = 4,

    /// <summary>A named entity does not exist.</summary>
    NotFound = 5,

    /// <summary>The entity to create exists already.</summary>
    AlreadyExists = 6,

    /// <summary>The caller is known but may not do this.</summary>
    PermissionDenied = 7,

    /// <summary>A limit (message size, quota) was reached.</summary>
    ResourceExhausted = 8,

    /// <summary>A rule of the domain forbids the operation in the current state.</summary>
    FailedPrecondition = 9,

    /// <summary>A concurrency conflict: the entity changed since it was read.</summary>
    Aborted = 10,

    /// <summary>A value is past the valid range.</summary>
    OutOfRange = 11,

    /// <summary>The method is not implemented by this server.</summary>
    Unimplemented = 12,

    /// <summary>The protocol was broken (malformed frames and the like).</summary>
    Internal = 13,

    /// <summary>The service, or what it depends on, is down for now; retrying may help.</summary>
    Unavailable = 14,

    /// <summary>Data was lost or corrupted.</summary>
    DataLoss = 15,

    /// <summary>The caller did not identify itself.</summary>
    Unauthenticated = 16,
}
