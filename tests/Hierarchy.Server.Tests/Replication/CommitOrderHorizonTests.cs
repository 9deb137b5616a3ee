using Hierarchy.Server.Replication;
using Hierarchy.Storage.Stores;
using Hierarchy.Testing;

namespace Hierarchy.Server.Tests.Replication;

public sealed class CommitOrderHorizonTests
{
    private static readonly TransactionHorizon WritersRunning = new(EndedBelow: 100, StartedBelow: 120);
    private static readonly TransactionHorizon WritersEnded = new(EndedBelow: 130, StartedBelow: 140);
    private readonly MovableClock _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Positions_without_a_hole_are_all_readable()
    {
        var horizon = new CommitOrderHorizon(_clock);

        Assert.Equal(3, horizon.Readable(10, [11, 12, 13], WritersRunning));
        Assert.False(horizon.IsWaiting);
    }

    [Fact]
    public void A_hole_holds_the_reader_back_before_it()
    {
        var horizon = new CommitOrderHorizon(_clock);

        Assert.Equal(1, horizon.Readable(10, [11, 13, 14], WritersRunning));
        Assert.True(horizon.IsWaiting);
    }

    [Fact]
    public void A_hole_is_not_passed_while_a_writer_that_was_running_may_still_fill_it()
    {
        var horizon = new CommitOrderHorizon(_clock);
        horizon.Readable(11, [13, 14], WritersRunning);
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, horizon.Readable(11, [13, 14], WritersRunning));
    }

    [Fact]
    public void Every_hole_of_a_page_is_passed_together_once_its_writers_ended_and_a_second_went_by()
    {
        var horizon = new CommitOrderHorizon(_clock);
        Assert.Equal(0, horizon.Readable(10, [12, 14, 16, 18], WritersRunning));
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(4, horizon.Readable(10, [12, 14, 16, 18], WritersEnded));
        Assert.False(horizon.IsWaiting);
    }

    [Fact]
    public void A_hole_is_not_passed_within_a_second_of_being_seen()
    {
        var horizon = new CommitOrderHorizon(_clock);
        horizon.Readable(10, [12], WritersRunning);
        _clock.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(0, horizon.Readable(10, [12], WritersEnded));
    }
}
