using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.Organization;

/// <summary>
/// A property company's monthly assessment (物业考核): the compound branches' evaluations weigh at least 30% (Linyi's
/// "30%以上的物业考核评价权"); the rest is the residents' satisfaction with what the company resolved itself.
/// </summary>
/// <param name="BranchWeight">Gets the share of the compound branches' evaluations, from 0.3 to 1.</param>
public sealed record PropertyEvaluation(double BranchWeight)
{
    /// <summary>The least share the branches' evaluation may have.</summary>
    public const double MinimumBranchWeight = 0.3;

    /// <summary>Gets the default: the least share, the rest to the residents.</summary>
    public static PropertyEvaluation Default { get; } = new(MinimumBranchWeight);

    /// <summary>Checks the weight.</summary>
    /// <exception cref="InvalidFieldException">The weight is under 0.3 or over 1.</exception>
    public PropertyEvaluation Validated(string field) => BranchWeight is >= MinimumBranchWeight and <= 1
        ? this
        : throw new InvalidFieldException(field, $"{BranchWeight} is not a share from {MinimumBranchWeight} to 1: compound branches hold at least 30% of the assessment");

    /// <summary>Gets the month's score: the branches' mean evaluation and the residents' satisfaction, weighed; null while either is missing.</summary>
    /// <param name="evaluations">The month's evaluation scores, 0 to 100.</param>
    /// <param name="tally">What the company did with its issues that month.</param>
    public double? Score(IReadOnlyList<int> evaluations, OrganizationTally tally)
    {
        if (evaluations.Count == 0 || tally.Rated == 0)
        {
            return null;
        }

        var satisfaction = 100.0 * tally.Satisfied / tally.Rated;
        return Math.Round((BranchWeight * evaluations.Average()) + ((1 - BranchWeight) * satisfaction), 1);
    }
}
