using Hierarchy.Domain.Issues;

namespace Hierarchy.Domain.Tests;

public sealed class KeyUnitObservationTests
{
    private static readonly DateTimeOffset Added = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private readonly KeyUnitObservation _threeMonths = new(Added, TimeSpan.FromDays(90), Threshold: 2);

    [Fact]
    public void A_unit_stays_on_the_list_until_its_period_ends() =>
        Assert.False(_threeMonths.Evaluate([], Added.AddDays(89)).Cleared);

    [Fact]
    public void A_period_without_relapse_takes_it_off_the_list() =>
        Assert.True(_threeMonths.Evaluate([Added.AddDays(10), Added.AddDays(20)], Added.AddDays(90)).Cleared);

    [Fact]
    public void A_complaint_over_the_threshold_restarts_the_period_from_that_complaint()
    {
        var relapse = Added.AddDays(30);

        var standing = _threeMonths.Evaluate([Added.AddDays(10), Added.AddDays(20), relapse], Added.AddDays(100));

        Assert.Equal((relapse, relapse.AddDays(90), 1, false), (standing.WindowStart, standing.EndsAt, standing.Relapses, standing.Cleared));
    }
}
