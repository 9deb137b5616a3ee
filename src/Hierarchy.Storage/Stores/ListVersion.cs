namespace Hierarchy.Storage.Stores;

/// <summary>One version of the responsibility list in its history.</summary>
/// <param name="Version">Gets the tree version it took effect at.</param>
/// <param name="ChangedAt">Gets when.</param>
/// <param name="ChangedBy">Gets who put it in force.</param>
/// <param name="PlanId">Gets the plan applied; null for an import or the migration.</param>
/// <param name="Summary">Gets what changed, in a line.</param>
public sealed record ListVersion(long Version, DateTimeOffset ChangedAt, string ChangedBy, long? PlanId, string Summary);
