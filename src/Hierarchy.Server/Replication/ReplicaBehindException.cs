namespace Hierarchy.Server.Replication;

/// <summary>A read asked for a consistency token this replica has not applied yet (UNAVAILABLE: retry, here or elsewhere).</summary>
public sealed class ReplicaBehindException(long token, long position)
    : Exception($"this replica has applied changes up to {position}, not yet {token}; retry, or ask another replica")
{
    /// <summary>Gets the token asked for.</summary>
    public long Token { get; } = token;
}
