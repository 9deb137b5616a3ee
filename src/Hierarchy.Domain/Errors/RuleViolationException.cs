namespace Hierarchy.Domain.Errors;

/// <summary>A rule of the organisation forbids the change in the current state (FAILED_PRECONDITION).</summary>
public sealed class RuleViolationException(string message) : DomainException(message);
