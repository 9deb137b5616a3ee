using System.CommandLine;
using System.Globalization;

namespace Hierarchy.Cli.Tests;

public sealed class IsoDateOptionTests
{
    [Fact]
    public void A_date_is_read_as_iso_8601_whatever_the_machines_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("en-US");
        try
        {
            var from = IsoDateOption.Create("--from", "start");
            var parsed = new RootCommand { from }.Parse(["--from", "2026-11-01T08:00+08:00"]);

            Assert.Empty(parsed.Errors);
            Assert.Equal(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.FromHours(8)), parsed.GetValue(from));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_date_in_a_local_format_is_refused_naming_the_option()
    {
        var from = IsoDateOption.Create("--from", "start");

        var parsed = new RootCommand { from }.Parse(["--from", "11/01/2026"]);

        Assert.Equal("--from '11/01/2026' is not an ISO 8601 date or time, such as 2026-11-01", Assert.Single(parsed.Errors).Message);
    }

    [Fact]
    public void The_help_names_the_iso_format_and_no_culture_formatted_default()
    {
        var from = IsoDateOption.Create("--from", "start of the period (default: 30 days before --to)");

        Assert.Equal("yyyy-MM-dd[THH:mm[zzz]]", from.HelpName);
        Assert.False(from.HasDefaultValue);
    }
}
