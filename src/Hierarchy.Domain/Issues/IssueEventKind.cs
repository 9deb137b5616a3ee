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

    /// <summary>确权转派: the dispatch centre confirmed who owns it and transferred it by hand, with a reason.</summary>
    Transferred = 11,

    /// <summary>Its owner handed it back to the dispatch centre as not its job, with a reason.</summary>
    HandedBack = 12,

    /// <summary>收办回疏: the handler replied to the citizen.</summary>
    Replied = 13,

    /// <summary>The handler explained to the citizen why it cannot be solved the same day.</summary>
    Explained = 14,

    /// <summary>吹哨: a lead department and co-operating ones were called in, each to report within a time.</summary>
    Whistled = 15,

    /// <summary>报到: a called department reported.</summary>
    CheckedIn = 16,

    /// <summary>A district ruled a whistle on it improper (乱吹哨): the departments were called for what the unit should have handled.</summary>
    WhistleRuledImproper = 17,

    /// <summary>A co-building unit registered with the community (双报到) was asked to help.</summary>
    HelperAssigned = 18,

    /// <summary>有事您找我: the property company or committee that received it first handed it on to the community as not its job.</summary>
    HandedOn = 19,
}
