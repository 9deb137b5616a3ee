namespace Hierarchy.Domain.Issues;

/// <summary>The citizen's day, in China Standard Time, for "当天可以解决的必须当天解决，当天不能解决的要和业主说明原因".</summary>
public static class CitizenDay
{
    /// <summary>Gets China Standard Time's offset; China keeps one time zone and no daylight saving.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Gets the midnight that ends the day <paramref name="time"/> falls on, in China.</summary>
    public static DateTimeOffset EndOf(DateTimeOffset time)
    {
        var local = time.ToOffset(Offset);
        return new DateTimeOffset(local.Date.AddDays(1), Offset).ToUniversalTime();
    }
}
