namespace Hierarchy.Domain.Errors;

/// <summary>A named entity does not exist (NOT_FOUND).</summary>
public sealed class NotFoundException(string what) : DomainException($"{what} does not exist")
{
    /// <summary>Gets what was looked for, such as "unit 42".</summary>
    public string What { get; } = what;

    /// <summary>Gets the id of the org unit looked for, when a unit is what was missing.</summary>
    public long? UnitId { get; init; }
}
