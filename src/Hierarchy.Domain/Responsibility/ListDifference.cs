namespace Hierarchy.Domain.Responsibility;

/// <summary>One line of a list diff.</summary>
/// <param name="Subject">Gets "department" or "category".</param>
/// <param name="Code">Gets its code.</param>
/// <param name="Kind">Gets how it differs.</param>
/// <param name="Changes">Gets what changed, as "field: before → after".</param>
public sealed record ListDifference(string Subject, string Code, ListDifferenceKind Kind, IReadOnlyList<string> Changes);
