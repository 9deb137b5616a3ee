using Hierarchy.Domain.Errors;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.Organization;

/// <summary>What makes an attached organisation valid on a tree: its units, its categories, and no clash with another one.</summary>
public static class AttachedOrganizationRules
{
    private const int MaxName = 100;
    private const int MaxUnits = 500;

    /// <summary>Checks an organisation against the tree it would join and the organisations in force; one with its id (or the one it replaces) is not a clash.</summary>
    /// <exception cref="InvalidFieldException">A field is missing or wrong.</exception>
    /// <exception cref="RuleViolationException">Another organisation holds a unit or a category it claims.</exception>
    public static void Check(OrgTreeSnapshot tree, IReadOnlyList<AttachedOrganization> inForce, AttachedOrganization candidate, long replacing = 0)
    {
        if (!Enum.IsDefined(candidate.Kind))
        {
            throw new InvalidFieldException("kind", $"{(int)candidate.Kind} is not ZONE (1), PROPERTY_COMPANY (2), OWNERS_COMMITTEE (3) or PROPERTY_MANAGEMENT_COMMITTEE (4)");
        }

        Text("name", candidate.Name, MaxName);
        Text("contact", candidate.Contact, 50);
        Text("phone", candidate.Phone, 32);
        var indexes = Units(tree, candidate);
        Categories(tree, candidate);
        foreach (var other in inForce.Where(o => o.Id != candidate.Id && o.Id != replacing && o.IsZone == candidate.IsZone))
        {
            var shared = indexes.Select(i => tree.UnitAt(i)).FirstOrDefault(u => other.UnitIds.Contains(u.Id));
            if (shared is null)
            {
                continue;
            }

            if (candidate.IsZone)
            {
                throw new RuleViolationException($"community {shared.Code} {shared.Name} is in zone {other.Id} {other.Name} already; take it out of that zone first");
            }

            if (other.Kind == candidate.Kind)
            {
                throw new RuleViolationException($"compound {shared.Code} {shared.Name} has {other.Kind} {other.Id} {other.Name} already; replace it instead");
            }

            if (candidate.Categories.FirstOrDefault(c => other.Categories.Contains(c, StringComparer.Ordinal)) is { } category)
            {
                throw new RuleViolationException($"{other.Kind} {other.Id} {other.Name} receives {category} first in compound {shared.Code} already: one first receiver per category");
            }
        }
    }

    private static int[] Units(OrgTreeSnapshot tree, AttachedOrganization candidate)
    {
        if (candidate.UnitIds.Count == 0 || candidate.UnitIds.Count > MaxUnits)
        {
            throw new InvalidFieldException("unit_ids", $"name 1 to {MaxUnits} {(candidate.IsZone ? "communities" : "compounds (grid-level units)")}, not {candidate.UnitIds.Count}");
        }

        if (candidate.UnitIds.Distinct().Count() != candidate.UnitIds.Count)
        {
            throw new InvalidFieldException("unit_ids", "name each unit once");
        }

        var indexes = candidate.UnitIds.Select(id => tree.TryIndexOf(id, out var index)
            ? index
            : throw new InvalidFieldException("unit_ids", $"{id} is not a unit in force")).ToArray();
        foreach (var index in indexes)
        {
            var unit = tree.UnitAt(index);
            if (unit.Level != candidate.UnitLevel)
            {
                throw new InvalidFieldException("unit_ids", $"{unit.Code} {unit.Name} is a {unit.Level}; a {candidate.Kind} attaches to {candidate.UnitLevel} units");
            }

            if (tree.UnitAt(tree.DistrictOf(index)).Id != candidate.DistrictId)
            {
                throw new InvalidFieldException("unit_ids", $"{unit.Code} {unit.Name} is not in district {candidate.DistrictId}");
            }
        }

        // A zone groups communities of one street: its leader answers to that street.
        if (candidate.IsZone && indexes.Select(tree.ParentOf).Distinct().Count() > 1)
        {
            throw new InvalidFieldException("unit_ids", "a zone's communities must lie in one street");
        }

        return indexes;
    }

    private static void Categories(OrgTreeSnapshot tree, AttachedOrganization candidate)
    {
        if (candidate.Categories.Count == 0)
        {
            throw new InvalidFieldException("categories", candidate.IsZone ? "name the categories the zone owns" : "name the categories it receives first");
        }

        if (candidate.Categories.Distinct(StringComparer.Ordinal).Count() != candidate.Categories.Count)
        {
            throw new InvalidFieldException("categories", "name each category once");
        }

        foreach (var category in candidate.Categories)
        {
            if (!tree.Matrix.Contains(category))
            {
                throw new InvalidFieldException("categories", $"'{Quote.Prefix(category)}' is not a category of the responsibility list");
            }

            var rule = tree.Matrix.RuleFor(category);
            if (candidate.IsZone && rule.LowestLevel < OrgLevel.Community)
            {
                throw new InvalidFieldException("categories", $"{category} is handled first at the {rule.LowestLevel}, above the communities a zone stands for");
            }
        }
    }

    private static void Text(string field, string value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidFieldException(field, "is required");
        }

        if (value.Length > max)
        {
            throw new InvalidFieldException(field, $"'{Quote.Prefix(value)}…' is over {max} characters");
        }
    }
}
