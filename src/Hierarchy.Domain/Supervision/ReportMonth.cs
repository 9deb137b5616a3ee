using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;

namespace Hierarchy.Domain.Supervision;

/// <summary>A calendar month as a city counts it: from its first midnight to the next month's, China Standard Time.</summary>
/// <param name="Year">Gets the year.</param>
/// <param name="Month">Gets the month, 1–12.</param>
public readonly record struct ReportMonth(int Year, int Month)
{
    /// <summary>Gets the month's first instant.</summary>
    public DateTimeOffset From => new(Year, Month, 1, 0, 0, 0, CitizenDay.Offset);

    /// <summary>Gets the instant after the month.</summary>
    public DateTimeOffset To => From.AddMonths(1);

    /// <summary>Checks a month a caller gave.</summary>
    /// <exception cref="InvalidFieldException">The year is not 2000–9998 or the month not 1–12.</exception>
    public static ReportMonth Of(int year, int month) =>
        year is < 2000 or > 9998 ? throw new InvalidFieldException("year", $"{year} is not a year from 2000 to 9998")
        : month is < 1 or > 12 ? throw new InvalidFieldException("month", $"{month} is not a month from 1 to 12")
        : new ReportMonth(year, month);

    /// <summary>Parses a month as "2026-11".</summary>
    /// <exception cref="InvalidFieldException">The text is not such a month.</exception>
    public static ReportMonth Parse(string field, string? text) =>
        text is { Length: 7 } && text[4] == '-' && int.TryParse(text.AsSpan(0, 4), out var year) && int.TryParse(text.AsSpan(5, 2), out var month)
            && year is >= 2000 and <= 9998 && month is >= 1 and <= 12
            ? new ReportMonth(year, month)
            : throw new InvalidFieldException(field, $"'{Quote.Prefix(text)}' is not a month such as 2026-11");

    /// <inheritdoc />
    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
