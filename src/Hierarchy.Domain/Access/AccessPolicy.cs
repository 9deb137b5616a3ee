using Hierarchy.Domain.Errors;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.Access;

/// <summary>Who may see and change what: members see their own households, admins their subtree, services everything masked.</summary>
public static class AccessPolicy
{
    /// <summary>Tells whether the caller may see the unmasked personal data of a household or member placed at <paramref name="unitId"/>.</summary>
    public static bool SeesPersonalData(Caller caller, OrgTreeSnapshot tree, long unitId, long linkedMemberId) => caller.Role switch
    {
        CallerRole.Member => caller.SubjectId == linkedMemberId,
        CallerRole.Admin or CallerRole.GridWorker => IsInScope(caller, tree, unitId),
        _ => false,
    };

    /// <summary>Checks that the caller may list the households of a member who belongs to <paramref name="memberUnitId"/>.</summary>
    /// <exception cref="PermissionDeniedException">It may not.</exception>
    public static void CheckCanListHouseholds(Caller caller, OrgTreeSnapshot tree, long memberId, long memberUnitId)
    {
        var allowed = caller.Role switch
        {
            CallerRole.Member => caller.SubjectId == memberId,
            CallerRole.Admin or CallerRole.GridWorker => IsInScope(caller, tree, memberUnitId),
            CallerRole.Service or CallerRole.Dispatcher => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new PermissionDeniedException($"{caller} may not list the households of party member {memberId}");
        }
    }

    /// <summary>Checks that the caller is an admin whose subtree holds every given unit.</summary>
    /// <exception cref="PermissionDeniedException">It is not.</exception>
    public static void CheckAdminOf(Caller caller, OrgTreeSnapshot tree, string action, params long[] unitIds)
    {
        if (caller.Role != CallerRole.Admin)
        {
            throw new PermissionDeniedException($"{action} is for admins; {caller} is not one");
        }

        foreach (var unitId in unitIds)
        {
            if (!IsInScope(caller, tree, unitId))
            {
                throw new PermissionDeniedException($"{action}: unit {unitId} is outside the subtree of {caller}");
            }
        }
    }

    /// <summary>Checks that the caller is an admin of a whole district: the responsibility list is the city's, not a subtree's.</summary>
    /// <exception cref="PermissionDeniedException">It is not.</exception>
    public static void CheckDistrictAdmin(Caller caller, OrgTreeSnapshot tree, string action)
    {
        if (caller.Role != CallerRole.Admin || !tree.TryIndexOf(caller.SubjectId, out var unit) || tree.ParentOf(unit) >= 0)
        {
            throw new PermissionDeniedException($"{action} is for admins of a district; {caller} is not one");
        }
    }

    /// <summary>Tells whether the caller oversees a unit's subtree: the platform and the dispatch centre everywhere, admins and grid workers in their own.</summary>
    public static bool Oversees(Caller caller, OrgTreeSnapshot tree, long unitId) => caller.Role switch
    {
        CallerRole.Service or CallerRole.Dispatcher => true,
        CallerRole.Admin or CallerRole.GridWorker => IsInScope(caller, tree, unitId),
        _ => false,
    };

    /// <summary>Tells whether the caller oversees any of the units (an organisation's compounds or communities).</summary>
    public static bool OverseesAny(Caller caller, OrgTreeSnapshot tree, IEnumerable<long> unitIds) => unitIds.Any(id => Oversees(caller, tree, id));

    /// <summary>Tells whether an admin's subtree holds a unit.</summary>
    public static bool IsInScope(Caller caller, OrgTreeSnapshot tree, long unitId) =>
        tree.TryIndexOf(caller.SubjectId, out var root) && tree.TryIndexOf(unitId, out var unit) && tree.IsInSubtree(unit, root);
}
