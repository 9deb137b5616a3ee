namespace Hierarchy.Domain.Issues;

/// <summary>One step of an issue's escalation chain, fixed when it is reported: the owner at that step and its time limit.</summary>
/// <param name="Owner">Gets the owner.</param>
/// <param name="Level">Gets the owner's level name ("Grid", "Department", …), for statistics and messages.</param>
/// <param name="TimeLimit">Gets how long the owner has.</param>
public sealed record ChainLink(IssueOwner Owner, string Level, TimeSpan TimeLimit);
