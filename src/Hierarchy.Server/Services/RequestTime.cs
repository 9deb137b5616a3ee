using Google.Protobuf.WellKnownTypes;
using Hierarchy.Domain.Errors;

namespace Hierarchy.Server.Services;

/// <summary>A time a caller sent: a Timestamp outside 0001–9999 or with nanos past a second is refused naming the field, never a fault.</summary>
internal static class RequestTime
{
    private static readonly long MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>Reads a time field.</summary>
    /// <exception cref="InvalidFieldException">It is no valid time.</exception>
    public static DateTimeOffset Read(Timestamp time, string field) =>
        time.Seconds >= MinSeconds && time.Seconds <= MaxSeconds && time.Nanos is >= 0 and < 1_000_000_000
            ? time.ToDateTimeOffset()
            : throw new InvalidFieldException(field, $"seconds {time.Seconds} and nanos {time.Nanos} are not a time between 0001 and 9999");

    /// <summary>Reads an optional time field.</summary>
    public static DateTimeOffset? ReadOptional(Timestamp? time, string field) => time is null ? null : Read(time, field);
}
