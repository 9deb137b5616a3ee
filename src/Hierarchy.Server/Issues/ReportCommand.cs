using Hierarchy.Domain.Issues;

namespace Hierarchy.Server.Issues;

/// <summary>What a reporter sends: an idempotency key, a place, a category, a channel and the citizen's words.</summary>
/// <param name="RequestId">Gets the idempotency key.</param>
/// <param name="HouseholdId">Gets the household, or 0.</param>
/// <param name="UnitId">Gets the unit id, or 0.</param>
/// <param name="UnitCode">Gets the unit code, or empty.</param>
/// <param name="Category">Gets the category.</param>
/// <param name="Channel">Gets the channel.</param>
/// <param name="Description">Gets the citizen's words.</param>
public sealed record ReportCommand(
    string RequestId, long HouseholdId, long UnitId, string UnitCode, string Category, IssueChannel Channel, string Description);
