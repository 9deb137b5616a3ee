namespace Hierarchy.Domain.Issues;

/// <summary>The figures a unit is judged by, computed from its tally and household count. A rate of nothing is 0.</summary>
/// <param name="Tally">Gets the counts.</param>
/// <param name="Households">Gets the households in the unit's subtree.</param>
public sealed record UnitFigures(IssueTally Tally, long Households)
{
    /// <summary>Gets 解决率: resolved / received.</summary>
    public double ResolutionRate => Ratio(Tally.Resolved, Tally.Received);

    /// <summary>Gets 满意率: (satisfied + basically satisfied) / rated.</summary>
    public double SatisfactionRate => Ratio(Tally.Satisfied, Tally.Rated);

    /// <summary>Gets 响应率: accepted / received.</summary>
    public double ResponseRate => Ratio(Tally.Responded, Tally.Received);

    /// <summary>Gets complaints per 1,000 households.</summary>
    public double ComplaintsPerThousandHouseholds => Households == 0 ? 0 : Tally.Received * 1000.0 / Households;

    /// <summary>Gets the median time to resolve; zero when nothing was resolved. An even count takes the lower middle.</summary>
    public TimeSpan MedianTimeToResolve
    {
        get
        {
            if (Tally.TimesToResolve.Count == 0)
            {
                return TimeSpan.Zero;
            }

            var sorted = Tally.TimesToResolve.Order().ToList();
            return sorted[(sorted.Count - 1) / 2];
        }
    }

    private static double Ratio(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
