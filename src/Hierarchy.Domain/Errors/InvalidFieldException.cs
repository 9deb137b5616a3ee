namespace Hierarchy.Domain.Errors;

/// <summary>A field of a request is missing or malformed (INVALID_ARGUMENT).</summary>
public sealed class InvalidFieldException(string field, string problem) : DomainException($"{field}: {problem}")
{
    /// <summary>Gets the name of the field, as the request names it.</summary>
    public string Field { get; } = field;
}
