namespace Hierarchy.Domain.Issues;

/// <summary>What one entry of an issue's log records.</summary>
public enum IssueEventKind
{
    /// <summary>The issue was reported.</summary>
    Reported = 1,

    /// <summary>The centre accepted it.</summary>
    Accepted = 2,

    /// <summary>It was dispatched to an owner.</summary>
    Dispatched = 3,

    /// <summary>The owner started work.</summary>
    Started = 4,

    /// <summary>It climbed one step of its escalation chain, on request or because the deadline passed.</summary>
    Escalated = 5,

    /// <summary>The owner resolved it.</summary>
    Resolved = 6,

    /// <summary>The citizen rated it and it closed.</summary>
    Rated = 7,

    /// <summary>A dissatisfied citizen reopened it.</summary>
    Reopened = 8,

    /// <summary>Its deadline passed at the top of the chain, where nobody is left to escalate to.</summary>
    Overdue = 9,

    /// <summary>A reorganisation retired its owner and handed it to the unit that took over.</summary>
    Rerouted = 10,
}
