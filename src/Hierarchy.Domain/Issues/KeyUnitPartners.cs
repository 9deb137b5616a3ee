using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.Issues;

/// <summary>
/// 三个一 (Linyi): the county-level leader, the red-collar secretary (红领书记) and the county department each answerable for a
/// key unit's rectification; any of them may be missing.
/// </summary>
/// <param name="LeaderName">Gets the county-level leader's name; empty when none.</param>
/// <param name="LeaderPhone">Gets the leader's work phone.</param>
/// <param name="SecretaryName">Gets the red-collar secretary's name; empty when none.</param>
/// <param name="SecretaryPhone">Gets the secretary's work phone.</param>
/// <param name="DepartmentCode">Gets the county department's code; empty when none.</param>
public sealed record KeyUnitPartners(string LeaderName, string LeaderPhone, string SecretaryName, string SecretaryPhone, string DepartmentCode)
{
    /// <summary>Gets partners that name nobody.</summary>
    public static KeyUnitPartners None { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    /// <summary>Checks that each person named has a phone and each phone a person.</summary>
    /// <exception cref="InvalidFieldException">A name without a phone, or a phone without a name.</exception>
    public KeyUnitPartners Validated()
    {
        Pair("partners.leader", LeaderName, LeaderPhone);
        Pair("partners.secretary", SecretaryName, SecretaryPhone);
        return this;
    }

    private static void Pair(string field, string name, string phone)
    {
        if (string.IsNullOrWhiteSpace(name) != string.IsNullOrWhiteSpace(phone))
        {
            throw new InvalidFieldException(string.IsNullOrWhiteSpace(name) ? $"{field}_name" : $"{field}_phone", "goes with the other: a person is named with a work phone");
        }
    }
}
