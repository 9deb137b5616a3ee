namespace Hierarchy.Grains.Issues;

/// <summary>What a caller asks of an issue: the step, who asks (as the token directory names it), the version read, and the words or rating.</summary>
/// <param name="Action">Gets the step.</param>
/// <param name="Caller">Gets the caller, as <c>service</c>, <c>member:42</c> or <c>admin:7</c>.</param>
/// <param name="ExpectedVersion">Gets the issue version the caller read; 0 skips the check.</param>
/// <param name="Text">Gets the reason or note; empty when the step takes none.</param>
/// <param name="Rating">Gets the satisfaction rating of <see cref="IssueAction.Rate"/>, else 0.</param>
[GenerateSerializer, Immutable]
public sealed record IssueCommand(
    [property: Id(0)] IssueAction Action,
    [property: Id(1)] string Caller,
    [property: Id(2)] long ExpectedVersion,
    [property: Id(3)] string Text = "",
    [property: Id(4)] int Rating = 0);
