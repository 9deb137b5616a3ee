namespace Hierarchy.Grains.Issues;

/// <summary>What a caller asks of an issue: the step, who asks (as the token directory names it), the version read, and what the step takes.</summary>
/// <param name="Action">Gets the step.</param>
/// <param name="Caller">Gets the caller, as <c>service</c>, <c>member:42</c>, <c>admin:7</c>, <c>department:water</c> ….</param>
/// <param name="ExpectedVersion">Gets the issue version the caller read; 0 skips the check.</param>
/// <param name="Text">Gets the reason, note or words to the citizen; empty when the step takes none.</param>
/// <param name="Rating">Gets the satisfaction rating of <see cref="IssueAction.Rate"/>, else 0.</param>
/// <param name="Category">Gets the category a transfer confirms; empty to keep the issue's.</param>
/// <param name="TargetUnit">Gets the unit a transfer goes to; 0 when it goes to a department.</param>
/// <param name="TargetDepartment">Gets the department a transfer goes to, or a whistle's lead department; empty when none.</param>
/// <param name="Departments">Gets a whistle's co-operating departments.</param>
/// <param name="ReportWithin">Gets how long a whistle gives to report; zero for the city's setting.</param>
/// <param name="Helper">Gets the co-building unit <see cref="IssueAction.AssignHelper"/> asks to help, as registered.</param>
[GenerateSerializer, Immutable]
public sealed record IssueCommand(
    [property: Id(0)] IssueAction Action,
    [property: Id(1)] string Caller,
    [property: Id(2)] long ExpectedVersion,
    [property: Id(3)] string Text = "",
    [property: Id(4)] int Rating = 0,
    [property: Id(5)] string Category = "",
    [property: Id(6)] long TargetUnit = 0,
    [property: Id(7)] string TargetDepartment = "",
    [property: Id(8)] string[]? Departments = null,
    [property: Id(9)] TimeSpan ReportWithin = default,
    [property: Id(10)] HelperRef? Helper = null);

/// <summary>A co-building unit as an issue step needs it: who, and which community it registered with.</summary>
/// <param name="Id">Gets the unit's id.</param>
/// <param name="CommunityId">Gets its community.</param>
/// <param name="Name">Gets its name.</param>
[GenerateSerializer, Immutable]
public sealed record HelperRef([property: Id(0)] long Id, [property: Id(1)] long CommunityId, [property: Id(2)] string Name);
