namespace Hierarchy.Domain.Errors;

/// <summary>A request the domain refuses; each subclass maps to one gRPC status.</summary>
public abstract class DomainException(string message) : Exception(message);
