using System.Globalization;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;

namespace Hierarchy.Server.Security;

/// <summary>Reads <c>Hierarchy:PropertyEvaluation:BranchWeight</c>: the compound branches' share of a property company's score, 0.3 to 1.</summary>
public static class PropertyEvaluationSettings
{
    /// <summary>Reads the share; 0.3 when not given.</summary>
    /// <exception cref="InvalidFieldException">The share is not a number from 0.3 to 1.</exception>
    public static PropertyEvaluation Read(IConfigurationSection section) => section["BranchWeight"] switch
    {
        null => PropertyEvaluation.Default,
        var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) =>
            new PropertyEvaluation(weight).Validated($"{section.Path}:BranchWeight"),
        var text => throw new InvalidFieldException($"{section.Path}:BranchWeight", $"'{Quote.Prefix(text)}' is not a number from 0.3 to 1"),
    };
}
