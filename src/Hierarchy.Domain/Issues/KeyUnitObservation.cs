using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.Issues;

/// <summary>
/// 重点整治: a unit put under rectification is observed for a period; more complaints in the period than its threshold
/// are a relapse, which starts the period again from that complaint. It leaves the list only when a whole period passes
/// without relapse (Linyi watched its 182 worst compounds for three months).
/// </summary>
/// <param name="AddedAt">Gets when the unit was put on the list.</param>
/// <param name="Period">Gets the observation period.</param>
/// <param name="Threshold">Gets the most complaints a period may hold without relapse.</param>
public sealed record KeyUnitObservation(DateTimeOffset AddedAt, TimeSpan Period, int Threshold)
{
    /// <summary>Checks the terms.</summary>
    /// <exception cref="InvalidFieldException">The period is not positive or the threshold negative.</exception>
    public void Validate()
    {
        if (Period <= TimeSpan.Zero || Period > TimeSpan.FromDays(3660))
        {
            throw new InvalidFieldException("observation_days", $"{Period.TotalDays} days is not a period of 1 day to 10 years");
        }

        if (Threshold < 0)
        {
            throw new InvalidFieldException("relapse_threshold", $"{Threshold} is negative");
        }
    }

    /// <summary>Follows the complaints (report times, any order) up to <paramref name="now"/>.</summary>
    public KeyUnitStanding Evaluate(IEnumerable<DateTimeOffset> complaints, DateTimeOffset now)
    {
        var start = AddedAt;
        var inWindow = 0;
        var relapses = 0;
        foreach (var at in complaints.Where(c => c >= AddedAt && c <= now).Order())
        {
            if (at >= start + Period)
            {
                // A period passed clean before this complaint: the unit had left the list by then.
                return new KeyUnitStanding(start, start + Period, inWindow, relapses, Cleared: true);
            }

            if (++inWindow > Threshold)
            {
                relapses++;
                start = at;
                inWindow = 0;
            }
        }

        return new KeyUnitStanding(start, start + Period, inWindow, relapses, Cleared: now >= start + Period);
    }
}

/// <summary>Where a key unit stands.</summary>
/// <param name="WindowStart">Gets the start of the current observation period.</param>
/// <param name="EndsAt">Gets when the unit leaves the list if it does not relapse.</param>
/// <param name="Complaints">Gets the complaints in the current period.</param>
/// <param name="Relapses">Gets how often the period restarted.</param>
/// <param name="Cleared">Gets whether a whole period passed without relapse: the unit is off the list.</param>
public sealed record KeyUnitStanding(DateTimeOffset WindowStart, DateTimeOffset EndsAt, int Complaints, int Relapses, bool Cleared);
