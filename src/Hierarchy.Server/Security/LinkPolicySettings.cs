using Hierarchy.Domain.Errors;
using Hierarchy.Domain.People;

namespace Hierarchy.Server.Security;

/// <summary>Reads <c>Hierarchy:LinkPolicy</c>: <c>Ordinary</c> and <c>CentralHousehold</c>, each a <c>Minimum</c> and <c>Maximum</c> of households.</summary>
public static class LinkPolicySettings
{
    /// <summary>Reads the policies; what the section leaves out keeps its default (5–10, and 10–30 for central households).</summary>
    /// <exception cref="InvalidFieldException">A bound is not a number, or a range is empty.</exception>
    public static LinkPolicies Read(IConfigurationSection section) => new LinkPolicies(
        Policy(section.GetSection("Ordinary"), LinkPolicies.Default.Ordinary),
        Policy(section.GetSection("CentralHousehold"), LinkPolicies.Default.CentralHousehold)).Checked();

    private static LinkPolicy Policy(IConfigurationSection section, LinkPolicy fallback) =>
        new(Bound(section, "Minimum", fallback.Minimum), Bound(section, "Maximum", fallback.Maximum));

    private static int Bound(IConfigurationSection section, string name, int fallback) => section[name] switch
    {
        null => fallback,
        var text when int.TryParse(text, out var value) && value is >= 0 and <= 1_000 => value,
        var text => throw new InvalidFieldException($"{section.Path}:{name}", $"'{Quote.Prefix(text)}' is not a number of households from 0 to 1000"),
    };
}
