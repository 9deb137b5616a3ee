namespace Hierarchy.Domain.Issues;

/// <summary>The citizen's rating of a resolved issue.</summary>
public enum Satisfaction
{
    /// <summary>满意.</summary>
    Satisfied = 1,

    /// <summary>基本满意.</summary>
    BasicallySatisfied = 2,

    /// <summary>不满意: may reopen the issue once.</summary>
    Dissatisfied = 3,
}
