namespace Hierarchy.Storage.Stores;

/// <summary>Who changed the responsibility list, when, through which plan, and what changed.</summary>
/// <param name="At">Gets when the change took effect.</param>
/// <param name="By">Gets who made it ("import", "admin:1").</param>
/// <param name="PlanId">Gets the plan applied; null for an import.</param>
/// <param name="Summary">Gets what changed, in a line.</param>
public sealed record ListChange(DateTimeOffset At, string By, long? PlanId, string Summary);
