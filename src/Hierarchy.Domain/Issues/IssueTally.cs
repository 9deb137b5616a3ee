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

    /// <summary>Adds up tallies (a zone's communities) under one id.</summary>
    public static IssueTally Sum(long id, IReadOnlyCollection<IssueTally> tallies) => new(
        id, tallies.Sum(t => t.Received), tallies.Sum(t => t.Resolved), tallies.Sum(t => t.Rated), tallies.Sum(t => t.Satisfied),
        tallies.Sum(t => t.Responded), [.. tallies.SelectMany(t => t.TimesToResolve)],
        tallies.SelectMany(t => t.EscalationsByLevel).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)));
}
