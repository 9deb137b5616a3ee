namespace Hierarchy.Grpc.Protocol;

/// <summary>A call ended with a non-OK status; thrown by handlers to choose the status and by the client to report it.</summary>
public sealed class RpcException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RpcException"/> class.</summary>
    public RpcException(StatusCode code, string detail)
        : base($"{code}: {detail}")
    {
        Status = new Status(code, detail);
    }

    /// <summary>Gets the status the call ended with.</summary>
    public Status Status { get; }

    /// <summary>Gets the status code.</summary>
    public StatusCode StatusCode => Status.Code;
}
