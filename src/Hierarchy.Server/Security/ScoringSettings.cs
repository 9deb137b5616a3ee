using System.Globalization;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Supervision;

namespace Hierarchy.Server.Security;

/// <summary>Reads <c>Hierarchy:Scoring</c>: the points a monthly score loses per failing, each named as in <see cref="ScoringWeights"/>.</summary>
public static class ScoringSettings
{
    /// <summary>Reads the weights; a weight not given keeps its default.</summary>
    /// <exception cref="InvalidFieldException">A weight is not a number from 0 to 100.</exception>
    public static ScoringWeights Read(IConfigurationSection section)
    {
        var d = ScoringWeights.Default;
        return new ScoringWeights(
            Weight(section, nameof(d.LateResolution), d.LateResolution), Weight(section, nameof(d.OverdueReply), d.OverdueReply),
            Weight(section, nameof(d.MissingExplanation), d.MissingExplanation), Weight(section, nameof(d.ImproperWhistle), d.ImproperWhistle),
            Weight(section, nameof(d.LateReport), d.LateReport), Weight(section, nameof(d.NotReported), d.NotReported),
            Weight(section, nameof(d.SupervisionOrder), d.SupervisionOrder));
    }

    private static double Weight(IConfigurationSection section, string name, double fallback) => section[name] switch
    {
        null => fallback,
        var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && weight is >= 0 and <= 100 => weight,
        var text => throw new InvalidFieldException($"Hierarchy:Scoring:{name}", $"'{Quote.Prefix(text)}' is not a number of points from 0 to 100"),
    };
}
