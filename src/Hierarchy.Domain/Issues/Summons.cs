namespace Hierarchy.Domain.Issues;

/// <summary>报到: a department a whistle (吹哨) called to an issue, the time it has to report, and when it did.</summary>
/// <param name="DepartmentCode">Gets the department.</param>
/// <param name="Lead">Gets whether it carries the main responsibility (主体责任) rather than co-operating (配合责任).</param>
/// <param name="SummonedAt">Gets when the whistle blew.</param>
/// <param name="DueAt">Gets by when it must report.</param>
/// <param name="CheckedInAt">Gets when it reported; null until it does.</param>
public sealed record Summons(string DepartmentCode, bool Lead, DateTimeOffset SummonedAt, DateTimeOffset DueAt, DateTimeOffset? CheckedInAt)
{
    /// <summary>Tells whether it reported after its time, or has not reported and its time is up.</summary>
    public bool IsLate(DateTimeOffset now) => CheckedInAt is { } at ? at > DueAt : now > DueAt;
}
