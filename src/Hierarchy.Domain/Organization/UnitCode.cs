using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.Organization;

/// <summary>The published code conventions: district 6 digits, street 9, community 12, grid 15, building group 18, each extending its parent's.</summary>
public static class UnitCode
{
    /// <summary>Gets the number of digits of a code at <paramref name="level"/>.</summary>
    public static int Length(OrgLevel level) => level switch
    {
        OrgLevel.District => 6,
        OrgLevel.Street => 9,
        OrgLevel.Community => 12,
        OrgLevel.Grid => 15,
        OrgLevel.BuildingGroup => 18,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not an org level"),
    };

    /// <summary>Gets the level a code of this length belongs to; null for any other length.</summary>
    public static OrgLevel? LevelOf(string code) => code.Length switch
    {
        6 => OrgLevel.District,
        9 => OrgLevel.Street,
        12 => OrgLevel.Community,
        15 => OrgLevel.Grid,
        18 => OrgLevel.BuildingGroup,
        _ => null,
    };

    /// <summary>Checks a unit's code against its level and its parent's code.</summary>
    /// <exception cref="InvalidFieldException">The code breaks the convention.</exception>
    public static void Validate(string field, OrgLevel level, string code, string? parentCode)
    {
        var length = Length(level);
        if (code.Length != length || !code.All(char.IsAsciiDigit))
        {
            throw new InvalidFieldException(field, $"a {level} code has {length} digits; '{code}' does not");
        }

        if (parentCode is not null && !code.StartsWith(parentCode, StringComparison.Ordinal))
        {
            throw new InvalidFieldException(field, $"{level} code '{code}' must extend its parent's code '{parentCode}'");
        }
    }
}
