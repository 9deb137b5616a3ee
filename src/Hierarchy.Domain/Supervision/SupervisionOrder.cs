using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;

namespace Hierarchy.Domain.Supervision;

/// <summary>
/// 督办单: an order to a department or unit that did not report, reported late or did nothing, copied to those who must
/// know (纪检监察 …), tracked until the target answers; an answer after the due date stays late.
/// </summary>
/// <param name="Id">Gets the order id; 0 until stored.</param>
/// <param name="DistrictId">Gets the district whose desk issued it.</param>
/// <param name="Target">Gets the department or unit it is issued to.</param>
/// <param name="IssueId">Gets the issue it is about; null for an order about conduct in general.</param>
/// <param name="Ground">Gets why.</param>
/// <param name="Text">Gets what it says.</param>
/// <param name="CopyTo">Gets who receives a copy.</param>
/// <param name="IssuedAt">Gets when it was issued.</param>
/// <param name="IssuedBy">Gets who issued it.</param>
/// <param name="DueAt">Gets by when the target must answer.</param>
public sealed record SupervisionOrder(
    long Id,
    long DistrictId,
    IssueOwner Target,
    long? IssueId,
    SupervisionGround Ground,
    string Text,
    IReadOnlyList<string> CopyTo,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    DateTimeOffset DueAt)
{
    /// <summary>Gets when the target answered; null until then.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>Gets the target's answer.</summary>
    public string Answer { get; init; } = string.Empty;

    /// <summary>Gets who answered.</summary>
    public string AnsweredBy { get; init; } = string.Empty;

    /// <summary>Gets the version: 1 when issued, 2 once answered.</summary>
    public long Version { get; init; } = 1;

    /// <summary>Tells whether the answer came, or is still missing, after the due date.</summary>
    public bool IsLate(DateTimeOffset now) => AnsweredAt is { } at ? at > DueAt : now > DueAt;

    /// <summary>Checks a new order: a target, words, a due date after it is issued, at most ten copies.</summary>
    /// <exception cref="InvalidFieldException">A field is missing or out of range.</exception>
    public void Validate()
    {
        if (Target.IsNone || Target.IsCentre)
        {
            throw new InvalidFieldException("department_code", "the order needs a target: a department_code or a unit");
        }

        if (!Enum.IsDefined(Ground))
        {
            throw new InvalidFieldException("ground", $"{(int)Ground} is not not-reported (1), late report (2) or inaction (3)");
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            throw new InvalidFieldException("text", "is required");
        }

        if (DueAt <= IssuedAt)
        {
            throw new InvalidFieldException("due_at", $"{DueAt:u} is not after the order is issued ({IssuedAt:u})");
        }

        if (CopyTo.Count > 10 || CopyTo.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidFieldException("copy_to", "name at most ten recipients, none empty");
        }
    }

    /// <summary>Records the target's answer; an order is answered once.</summary>
    /// <exception cref="RuleViolationException">It was answered already.</exception>
    public SupervisionOrder Answered(DateTimeOffset now, string by, string answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            throw new InvalidFieldException("answer", "is required");
        }

        return AnsweredAt is { } at
            ? throw new RuleViolationException($"supervision order {Id} was answered at {at:u} already")
            : this with { AnsweredAt = now, Answer = answer, AnsweredBy = by, Version = Version + 1 };
    }
}
