namespace Hierarchy.Domain.Errors;

/// <summary>The caller did not identify itself with a known token (UNAUTHENTICATED).</summary>
public sealed class UnauthenticatedException(string message) : DomainException(message);
