namespace Hierarchy.Domain.Issues;

/// <summary>The raw counts of one unit's issues over a period, as storage adds them up.</summary>
/// <param name="UnitId">Gets the unit.</param>
/// <param name="Received">Gets the issues reported.</param>
/// <param name="Resolved">Gets those resolved or closed.</param>
/// <param name="Rated">Gets those rated.</param>
/// <param name="Satisfied">Gets those rated satisfied or basically satisfied.</param>
/// <param name="Responded">Gets those the centre accepted.</param>
/// <param name="TimesToResolve">Gets each resolved issue's time from report to resolution.</param>
/// <param name="EscalationsByLevel">Gets escalations out of each level.</param>
public sealed record IssueTally(
    long UnitId,
    long Received,
    long Resolved,
    long Rated,
    long Satisfied,
    long Responded,
    IReadOnlyList<TimeSpan> TimesToResolve,
    IReadOnlyDictionary<string, long> EscalationsByLevel)
{
    /// <summary>Gets a tally of a unit with no issues.</summary>
    public static IssueTally Empty(long unitId) => new(unitId, 0, 0, 0, 0, 0, [], new Dictionary<string, long>());
}
