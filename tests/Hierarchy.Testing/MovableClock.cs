namespace Hierarchy.Testing;

/// <summary>A clock tests move by hand, so deadlines pass without anyone sleeping.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    /// <summary>Moves the clock to a later time.</summary>
    public void MoveTo(DateTimeOffset time)
    {
        if (time.UtcTicks < Interlocked.Read(ref _ticks))
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "a clock only moves forward");
        }

        Interlocked.Exchange(ref _ticks, time.UtcTicks);
    }
}
