using Hierarchy.Domain.Organization;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.Responsibility;

/// <summary>
/// Applies the matrix to a place: the owner is the unit at the category's lowest level above the place (or the place itself
/// when it is higher), passing over unstaffed units to their territorial parent (属地兜底); the chain climbs to the ceiling,
/// then the department (吹哨报到), then the district coordinates (急事难事县里统筹). A zone (片区) that owns the category for
/// the place's community stands in the community's step; a property company or committee that receives the category first
/// in the place's compound comes before the whole chain.
/// </summary>
public static class ResponsibilityResolver
{
    /// <summary>Resolves the owner and chain for the unit at <paramref name="unitIndex"/>.</summary>
    /// <exception cref="Errors.InvalidFieldException">The category is not in the matrix.</exception>
    public static Resolution Resolve(OrgTreeSnapshot tree, int unitIndex, string category)
    {
        var ordinal = tree.Matrix.OrdinalOf(category);
        var rule = tree.Matrix.RuleAt(ordinal);
        var owner = unitIndex;
        while (tree.LevelOf(owner) > rule.LowestLevel)
        {
            owner = tree.ParentOf(owner);
        }

        List<int>? skipped = null;
        while (!tree.IsStaffed(owner) && tree.LevelOf(owner) > rule.CeilingLevel && tree.ParentOf(owner) >= 0)
        {
            (skipped ??= []).Add(owner);
            owner = tree.ParentOf(owner);
        }

        var plain = new Resolution(unitIndex, owner, rule, tree.ChainOf(owner, ordinal, BuildChain), skipped ?? [], tree.PositionsAt(owner), tree.Version);
        return tree.Organizations.Count == 0 ? plain : WithOrganizations(tree, unitIndex, ordinal, plain);
    }

    /// <summary>Gets the chain a unit a dispatcher chose starts for a category: that unit, up to the ceiling, the department, the district.</summary>
    /// <exception cref="Errors.InvalidFieldException">The category is not in the list.</exception>
    public static IReadOnlyList<EscalationStep> ChainFrom(OrgTreeSnapshot tree, int ownerIndex, string category) =>
        tree.ChainOf(ownerIndex, tree.Matrix.OrdinalOf(category), BuildChain);

    /// <summary>Puts a zone that owns the category for the place's community in the community's step, and a first receiver of the place's compound before the chain.</summary>
    private static Resolution WithOrganizations(OrgTreeSnapshot tree, int unitIndex, int ordinal, Resolution plain)
    {
        var rule = plain.Rule;
        var zone = rule.LowestLevel >= OrgLevel.Community ? tree.ZoneOwning(unitIndex, rule.Category) : null;
        var receiver = tree.FirstReceiverAt(unitIndex, rule);
        if (zone is null && receiver is null)
        {
            return plain;
        }

        var (owner, chain, skipped) = (plain.OwnerIndex, (IReadOnlyList<EscalationStep>)plain.Chain, plain.SkippedIndexes);
        if (zone is not null)
        {
            // The zone takes the community's place: the chain climbs on from the community's street as the list says.
            owner = tree.CommunityOf(unitIndex);
            skipped = [];
            chain = [new EscalationStep(-1, null, null, rule.TimeLimitAt(OrgLevel.Community), zone), .. tree.ChainOf(owner, ordinal, BuildChain).Skip(1)];
        }

        if (receiver is not null)
        {
            chain = [new EscalationStep(-1, null, null, rule.TimeLimitAt(OrgLevel.Grid), receiver), .. chain];
        }

        return new Resolution(unitIndex, owner, rule, chain, skipped, tree.PositionsAt(owner), tree.Version);
    }

    private static EscalationStep[] BuildChain(OrgTreeSnapshot tree, int owner, ResponsibilityRule rule)
    {
        var ownerLevel = tree.LevelOf(owner);
        var climb = ownerLevel > rule.CeilingLevel ? ownerLevel - rule.CeilingLevel : 0;
        var coordinates = ownerLevel - climb != OrgLevel.District;
        var chain = new EscalationStep[climb + (coordinates ? 3 : 2)];
        var step = owner;
        for (var i = 0; i <= climb; i++, step = tree.ParentOf(step))
        {
            var level = ownerLevel - i;
            chain[i] = new EscalationStep(step, level, null, rule.TimeLimitAt(level));
        }

        chain[climb + 1] = new EscalationStep(-1, null, tree.Matrix.Department(rule.DepartmentCode), rule.DepartmentTimeLimit);
        if (coordinates)
        {
            while (tree.ParentOf(step) >= 0)
            {
                step = tree.ParentOf(step);
            }

            chain[^1] = new EscalationStep(step, OrgLevel.District, null, rule.TimeLimitAt(OrgLevel.District));
        }

        return chain;
    }
}
