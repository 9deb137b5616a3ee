namespace Hierarchy.Grains.Issues;

/// <summary>A step of the closed loop that a caller asks an issue to take.</summary>
[GenerateSerializer]
public enum IssueAction
{
    /// <summary>中心接 and 平台转: accepted and dispatched to the first owner.</summary>
    Accept,

    /// <summary>部门办: the owner starts work.</summary>
    StartWork,

    /// <summary>The owner hands the issue one step up, with a reason.</summary>
    Escalate,

    /// <summary>The owner resolves the issue, with a note.</summary>
    Resolve,

    /// <summary>The citizen rates the resolution.</summary>
    Rate,

    /// <summary>A dissatisfied citizen reopens the issue, with a reason.</summary>
    Reopen,

    /// <summary>确权转派: the dispatch centre transfers the issue by hand to a unit or a department.</summary>
    Transfer,

    /// <summary>The owner hands the issue back to the dispatch centre.</summary>
    HandBack,

    /// <summary>The handler replies to the citizen.</summary>
    Reply,

    /// <summary>The handler explains to the citizen why it is not solved yet.</summary>
    Explain,

    /// <summary>吹哨: departments are called in.</summary>
    Whistle,

    /// <summary>报到: a called department reports.</summary>
    CheckIn,

    /// <summary>A district rules a whistle improper (乱吹哨).</summary>
    RuleWhistleImproper,

    /// <summary>A co-building unit of the community (双报到) is asked to help.</summary>
    AssignHelper,

    /// <summary>有事您找我: the property company or committee that received it first hands it on to the community.</summary>
    HandOn,
}
