using Hierarchy.Domain.Errors;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Server.Services;

/// <summary>Finds the place a request names: a household (its building group) or a unit by id or code, exactly one.</summary>
internal static class Places
{
    public static int Locate(HierarchyState state, OrgTreeSnapshot tree, long householdId, long unitId, string unitCode)
    {
        var targets = (householdId != 0 ? 1 : 0) + (unitId != 0 ? 1 : 0) + (unitCode.Length > 0 ? 1 : 0);
        if (targets != 1)
        {
            throw new InvalidFieldException("household_id", "set exactly one of household_id, unit_id and unit_code");
        }

        if (householdId == 0)
        {
            return tree.Find(unitId, unitCode);
        }

        if (householdId < 0)
        {
            throw new InvalidFieldException("household_id", $"{householdId} is not a household id");
        }

        var group = state.Households.BuildingGroupOf(householdId);
        return tree.TryIndexOf(group, out var place) ? place : throw new NotFoundException($"building group {group} of household {householdId}");
    }
}
