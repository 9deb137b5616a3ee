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
}
