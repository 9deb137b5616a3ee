namespace Hierarchy.Domain.Errors;

/// <summary>An entity changed since the caller read it (ABORTED): read it again and retry.</summary>
public sealed class VersionConflictException(string what, long expected, long actual)
    : DomainException($"{what} is at version {actual}, not {expected}: it changed since it was read")
{
    /// <summary>Gets the version the caller expected.</summary>
    public long Expected { get; } = expected;

    /// <summary>Gets the version found.</summary>
    public long Actual { get; } = actual;
}
