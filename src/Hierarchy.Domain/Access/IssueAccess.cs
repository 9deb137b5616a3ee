using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.Access;

/// <summary>Who may do what with an issue: services everything, admins their subtree, members their own households.</summary>
public static class IssueAccess
{
    /// <summary>Checks the caller may see the issue.</summary>
    public static void CheckCanSee(Caller caller, HierarchyState state, Issue issue)
    {
        var allowed = caller.Role switch
        {
            CallerRole.Service => true,
            CallerRole.Admin => AccessPolicy.IsInScope(caller, state.Tree, issue.Facts.PlaceUnitId),
            _ => issue.Facts.HouseholdId is { } household && state.Households.MemberOf(household) == caller.SubjectId,
        };
        if (!allowed)
        {
            throw new PermissionDeniedException($"{caller} may not see issue {issue.Id}");
        }
    }

    /// <summary>Checks the caller may act for the issue's owner: the centre (a service) or an admin over the owner.</summary>
    public static void CheckCanHandle(Caller caller, HierarchyState state, Issue issue, string action)
    {
        // A department's issue is handled under the district that called it in.
        var unit = issue.Owner.UnitId ?? issue.Facts.Path[0];
        var allowed = caller.Role switch
        {
            CallerRole.Service => true,
            CallerRole.Admin => AccessPolicy.IsInScope(caller, state.Tree, issue.Owner.IsNone ? issue.Facts.PlaceUnitId : unit),
            _ => false,
        };
        if (!allowed)
        {
            throw new PermissionDeniedException($"{caller} may not {action} issue {issue.Id}: it is not the owner {issue.Owner} nor over it");
        }
    }

    /// <summary>Checks the caller speaks for the citizen: the hotline's callback (a service) or the household's linked member.</summary>
    public static void CheckSpeaksForCitizen(Caller caller, HierarchyState state, Issue issue, string action)
    {
        var allowed = caller.Role switch
        {
            CallerRole.Service => true,
            CallerRole.Member => issue.Facts.HouseholdId is { } household && state.Households.MemberOf(household) == caller.SubjectId,
            _ => false,
        };
        if (!allowed)
        {
            throw new PermissionDeniedException($"{caller} may not {action} issue {issue.Id} for the citizen");
        }
    }

    /// <summary>Checks the caller may report at a place: services anywhere, admins in their subtree, members for their own households.</summary>
    public static void CheckCanReport(Caller caller, HierarchyState state, long placeUnitId, long? householdId)
    {
        var allowed = caller.Role switch
        {
            CallerRole.Service => true,
            CallerRole.Admin => AccessPolicy.IsInScope(caller, state.Tree, placeUnitId),
            _ => householdId is { } household && state.Households.MemberOf(household) == caller.SubjectId,
        };
        if (!allowed)
        {
            throw new PermissionDeniedException($"{caller} may not report issues at unit {placeUnitId}");
        }
    }
}
