using Hierarchy.Domain.Errors;

namespace Hierarchy.Import;

/// <summary>The districts, streets and communities of chosen counties, taken from a divisions file.</summary>
/// <param name="Counties">Gets the county rows.</param>
/// <param name="Streets">Gets the township rows, by county code.</param>
/// <param name="Communities">Gets the community rows, by township code.</param>
public sealed record CountySelection(
    IReadOnlyList<DivisionRow> Counties,
    ILookup<string, DivisionRow> Streets,
    ILookup<string, DivisionRow> Communities)
{
    /// <summary>Selects the given 6-digit county codes; every one must be in the file.</summary>
    /// <exception cref="InvalidFieldException">A code is malformed or absent.</exception>
    public static CountySelection From(IEnumerable<DivisionRow> rows, IReadOnlyCollection<string> countyCodes)
    {
        foreach (var code in countyCodes)
        {
            if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            {
                throw new InvalidFieldException("county", $"'{code}' is not a 6-digit county code such as 110112");
            }
        }

        var wanted = countyCodes.Select(c => c + "000000").ToHashSet(StringComparer.Ordinal);
        var prefixes = countyCodes.ToArray();
        var all = rows.Where(r => prefixes.Any(p => r.Code.StartsWith(p, StringComparison.Ordinal))).ToList();
        var counties = all.Where(r => r.Level == "county" && wanted.Contains(r.Code)).ToList();
        var missing = wanted.Except(counties.Select(c => c.Code)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidFieldException("county", $"{string.Join(", ", missing.Select(m => m[..6]))} not found in the divisions file");
        }

        return new CountySelection(
            counties,
            all.Where(r => r.Level == "township").ToLookup(r => r.ParentCode, StringComparer.Ordinal),
            all.Where(r => r.Level == "community").ToLookup(r => r.ParentCode, StringComparer.Ordinal));
    }
}
