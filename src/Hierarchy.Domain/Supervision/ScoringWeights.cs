namespace Hierarchy.Domain.Supervision;

/// <summary>The points a month's score (out of 100) loses for each failing, as a city weighs them.</summary>
/// <param name="LateResolution">Gets the points per issue resolved late or not resolved in time at some level.</param>
/// <param name="OverdueReply">Gets the points per reply to the citizen missing or late.</param>
/// <param name="MissingExplanation">Gets the points per issue not solved the same day and not explained that day.</param>
/// <param name="ImproperWhistle">Gets the points per whistle ruled improper (乱吹哨), to the unit whose issue it was.</param>
/// <param name="LateReport">Gets the points per report (报到) after its time, to the department.</param>
/// <param name="NotReported">Gets the points per whistle a department never reported to (推诿).</param>
/// <param name="SupervisionOrder">Gets the points per supervision order received.</param>
public sealed record ScoringWeights(
    double LateResolution, double OverdueReply, double MissingExplanation, double ImproperWhistle, double LateReport, double NotReported, double SupervisionOrder)
{
    /// <summary>Gets the weights a city starts with.</summary>
    public static ScoringWeights Default { get; } = new(2, 1, 1, 3, 2, 5, 5);
}
