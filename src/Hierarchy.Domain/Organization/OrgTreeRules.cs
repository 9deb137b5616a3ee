using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.Organization;

/// <summary>The invariants of the org tree: a parent is exactly one level up, codes extend the parent's and are unique.</summary>
public static class OrgTreeRules
{
    /// <summary>Checks one unit against its parent.</summary>
    /// <exception cref="DomainException">The unit breaks a rule.</exception>
    public static void CheckParent(OrgUnit unit, OrgUnit? parent)
    {
        if (unit.Level == OrgLevel.District)
        {
            if (parent is not null)
            {
                throw new RuleViolationException($"district {unit.Code} {unit.Name} cannot have a parent unit");
            }

            UnitCode.Validate("code", unit.Level, unit.Code, null);
            return;
        }

        if (parent is null)
        {
            throw new RuleViolationException($"{unit.Level} {unit.Code} {unit.Name} needs a parent one level up");
        }

        if (parent.Level != unit.Level - 1)
        {
            throw new RuleViolationException(
                $"{unit.Level} {unit.Code} {unit.Name} cannot sit under {parent.Level} {parent.Code}: a parent is exactly one level up ({unit.Level - 1})");
        }

        UnitCode.Validate("code", unit.Level, unit.Code, parent.Code);
    }

    /// <summary>Checks a whole set of units: parents exist and are one level up, codes unique.</summary>
    public static void CheckTree(IReadOnlyCollection<OrgUnit> units)
    {
        var byId = new Dictionary<long, OrgUnit>(units.Count);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            if (!byId.TryAdd(unit.Id, unit))
            {
                throw new RuleViolationException($"unit id {unit.Id} is used twice");
            }

            if (!unit.Retired && !codes.Add(unit.Code))
            {
                throw new RuleViolationException($"code {unit.Code} is used by two active units");
            }
        }

        foreach (var unit in units)
        {
            OrgUnit? parent = null;
            if (unit.ParentId is { } parentId && !byId.TryGetValue(parentId, out parent))
            {
                throw new RuleViolationException($"{unit.Level} {unit.Code} names parent {parentId}, which does not exist");
            }

            CheckParent(unit, parent);
        }
    }
}
