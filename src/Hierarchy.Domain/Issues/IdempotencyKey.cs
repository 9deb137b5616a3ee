using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.Issues;

/// <summary>
/// A reporter's request id as stored: scoped to who sent it, so one caller's id never returns another caller's issue, and
/// a retry must repeat the report it retries.
/// </summary>
public static class IdempotencyKey
{
    /// <summary>Gets the stored key of <paramref name="requestId"/> sent by <paramref name="caller"/> (a caller's name has no '/').</summary>
    public static string Scoped(string caller, string requestId) => $"{caller}/{requestId}";

    /// <summary>Gets the request id the caller sent, from a stored key.</summary>
    public static string RequestIdOf(string stored) => stored[(stored.IndexOf('/', StringComparison.Ordinal) + 1)..];

    /// <summary>Checks that a report sent again under a used request id is the report first made with it.</summary>
    /// <exception cref="RuleViolationException">The request id was used for a different report.</exception>
    public static void CheckSameReport(IssueFacts first, IssueFacts again)
    {
        if (first.Category != again.Category || first.Channel != again.Channel || first.Description != again.Description
            || first.HouseholdId != again.HouseholdId || first.PlaceUnitId != again.PlaceUnitId)
        {
            throw new RuleViolationException(
                $"request_id '{RequestIdOf(again.RequestId)}' was already used for a different report (issue {first.Id}); a new report needs a new request_id");
        }
    }
}
