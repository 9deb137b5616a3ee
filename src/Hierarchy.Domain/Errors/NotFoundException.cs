namespace Hierarchy.Domain.Errors;

/// <summary>A named entity does not exist (NOT_FOUND).</summary>
public sealed class NotFoundException(string what) : DomainException($"{what} does not exist");
