using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;

namespace Hierarchy.Server.Security;

/// <summary>Reads <c>Hierarchy:Whistle</c>: <c>By</c>, the whistlers (street, community, grid_worker, citizen …), and <c>ReportWithinMinutes</c>.</summary>
public static class WhistleSettings
{
    /// <summary>Reads the policy; streets only and two hours when the section is absent.</summary>
    /// <exception cref="InvalidFieldException">A whistler or the time is not valid.</exception>
    public static WhistlePolicy Read(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return WhistlePolicy.StreetsOnly;
        }

        var minutes = section["ReportWithinMinutes"];
        var within = WhistlePolicy.DefaultReportWithin;
        if (minutes is not null)
        {
            within = int.TryParse(minutes, out var m) && m is > 0 and <= 43_200
                ? TimeSpan.FromMinutes(m)
                : throw new InvalidFieldException("Hierarchy:Whistle:ReportWithinMinutes", $"'{Quote.Prefix(minutes)}' is not a number of minutes from 1 to 43200");
        }

        var by = section.GetSection("By").GetChildren().Select(c => c.Value ?? string.Empty).ToArray();
        return WhistlePolicy.Parse(by.Length == 0 ? ["street"] : by, within);
    }
}
