using System.CommandLine;
using System.Globalization;

namespace Hierarchy.Cli;

/// <summary>A date or time option written in ISO 8601 (2026-11-01, 2026-11-01T08:00, 2026-11-01T08:00+08:00), whatever the machine's culture.</summary>
internal static class IsoDateOption
{
    private static readonly string[] Formats =
        ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz", "o"];

    /// <summary>Creates the option; it has no value unless given, so the command says what it defaults to.</summary>
    public static Option<DateTimeOffset?> Create(string name, string description) => new(name)
    {
        Description = $"{description}, ISO 8601 such as 2026-11-01 or 2026-11-01T08:00+08:00 (local time unless an offset is given)",
        HelpName = "yyyy-MM-dd[THH:mm[zzz]]",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var value))
            {
                return value;
            }

            result.AddError($"{name} '{(text.Length > 32 ? text[..32] + "…" : text)}' is not an ISO 8601 date or time, such as 2026-11-01");
            return null;
        },
    };
}
