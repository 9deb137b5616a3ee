namespace Hierarchy.Domain.Errors;

/// <summary>A named entity does not exist (NOT_FOUND).</summary>
public sealed class NotFoundException(string what) : DomainException($"{what} does not exist")
{
    /// <summary>Gets what was looked for, such as "unit 42".</summary>
    public string What { get; } = what;
}
