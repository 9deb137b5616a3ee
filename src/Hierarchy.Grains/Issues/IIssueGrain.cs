using Hierarchy.Domain.Issues;

namespace Hierarchy.Grains.Issues;

/// <summary>诉求/工单: one issue, the single writer of its state machine and event log; keyed by issue id.</summary>
public interface IIssueGrain : IGrainWithIntegerKey
{
    /// <summary>Takes the step the caller asks for, if the caller may and the loop allows it.</summary>
    /// <returns>The issue after the step (its fold; the log stays in the store).</returns>
    Task<Issue> ActAsync(IssueCommand command);

    /// <summary>Escalates the issue if its level's time limit has passed; a second call for the same deadline does nothing.</summary>
    /// <returns>Whether this call escalated it or marked it overdue.</returns>
    Task<bool> EscalateIfDueAsync();
}
