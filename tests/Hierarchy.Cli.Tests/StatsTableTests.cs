using Hierarchy.V1;

namespace Hierarchy.Cli.Tests;

public sealed class StatsTableTests
{
    [Fact]
    public void Chinese_unit_names_take_two_columns_each_so_the_figures_after_them_line_up()
    {
        var chinese = StatsCommand.Row(new UnitStats { Unit = new OrgUnit { Name = "悟仙观社区居委会" }, Received = 3, Resolved = 3, ResolutionRate = 1, ResponseRate = 1 });
        var latin = StatsCommand.Row(new UnitStats { Unit = new OrgUnit { Name = "Grid 7" }, Received = 3, Resolved = 3, ResolutionRate = 1, ResponseRate = 1 });

        Assert.Equal(DisplayWidth.Of(latin), DisplayWidth.Of(chinese));
        Assert.Equal(latin[DisplayWidth.PadRight("Grid 7", 30).Length..], chinese[DisplayWidth.PadRight("悟仙观社区居委会", 30).Length..]);
    }

    [Fact]
    public void A_unit_with_no_issues_shows_a_dash_for_every_rate_not_zero_percent()
    {
        var row = StatsCommand.Row(new UnitStats { Unit = new OrgUnit { Name = "东里社区居委会" } });

        Assert.Equal(4, row.Count(c => c == '—'));
        Assert.DoesNotContain("%", row, StringComparison.Ordinal);
    }
}
