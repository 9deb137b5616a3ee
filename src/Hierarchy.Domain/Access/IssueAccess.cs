using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.Access;

/// <summary>
/// Who may do what with an issue: services and dispatchers everything, admins their subtree, grid workers their grid,
/// departments what they own or were called to, members their own households.
/// </summary>
public static class IssueAccess
{
    /// <summary>Checks the caller may see the issue.</summary>
    public static void CheckCanSee(Caller caller, HierarchyState state, Issue issue)
    {
        var allowed = caller.Role switch
        {
            CallerRole.Service or CallerRole.Dispatcher => true,
            CallerRole.Admin or CallerRole.GridWorker => AccessPolicy.IsInScope(caller, state.Tree, issue.Facts.PlaceUnitId),
            CallerRole.Department => issue.Owner.DepartmentCode == caller.DepartmentCode || issue.Summons.Any(s => s.DepartmentCode == caller.DepartmentCode),
            CallerRole.Member => IsLinkedMember(caller, state, issue),
            CallerRole.Organization => issue.Owner.OrganizationId == caller.SubjectId || issue.Route.Any(l => l.Owner.OrganizationId == caller.SubjectId)
                || issue.FirstReceiver.OrganizationId == caller.SubjectId,
            _ => false,
        };
        if (!allowed)
        {
            throw new PermissionDeniedException($"{caller} may not see issue {issue.Id}");
        }
    }

    /// <summary>Checks the caller may act for the issue's owner: the centre, an admin over the owner, its grid worker, or its department's staff.</summary>
    public static void CheckCanHandle(Caller caller, HierarchyState state, Issue issue, string action)
    {
        // A department's or the centre's issue is handled under the district that called it in; a zone's under its street, a
        // property company's under its community.
        var unit = issue.Owner.UnitId ?? (issue.Owner.OrganizationId is null ? issue.Facts.Path[0] : OverseerOfOrganization(issue));
        var allowed = caller.Role switch
        {
            CallerRole.Service => true,
            CallerRole.Dispatcher => issue.Owner.IsNone || issue.Owner.IsCentre,
            CallerRole.Admin => AccessPolicy.IsInScope(caller, state.Tree, issue.Owner.IsNone ? issue.Facts.PlaceUnitId : unit),
            CallerRole.GridWorker => AccessPolicy.IsInScope(caller, state.Tree, issue.Owner.IsNone ? issue.Facts.PlaceUnitId : issue.Owner.UnitId ?? 0),
            CallerRole.Department => !issue.Owner.IsCentre && issue.Owner.DepartmentCode == caller.DepartmentCode,
            CallerRole.Organization => issue.Owner.OrganizationId == caller.SubjectId,
            _ => false,
        };
        if (!allowed)
        {
            throw new PermissionDeniedException($"{caller} may not {action} issue {issue.Id}: it is not the owner {issue.Owner} nor over it");
        }
    }

    /// <summary>Checks the caller may confirm an owner and transfer by hand: the centre's dispatchers (or the platform as a service).</summary>
    public static void CheckCanTransfer(Caller caller, Issue issue)
    {
        if (caller.Role is not (CallerRole.Service or CallerRole.Dispatcher))
        {
            throw new PermissionDeniedException($"{caller} may not transfer issue {issue.Id}: transfers are the dispatch centre's");
        }
    }

    /// <summary>Checks the caller is staff of a department a whistle called to the issue.</summary>
    public static void CheckSpeaksForDepartment(Caller caller, Issue issue, string department)
    {
        if (caller.Role != CallerRole.Department || caller.DepartmentCode != department)
        {
            throw new PermissionDeniedException($"{caller} may not report for department {department} on issue {issue.Id}");
        }
    }

    /// <summary>Checks the caller speaks for the citizen: the hotline's callback (a service) or the household's linked member.</summary>
    public static void CheckSpeaksForCitizen(Caller caller, HierarchyState state, Issue issue, string action)
    {
        var allowed = caller.Role switch
        {
            CallerRole.Service => true,
            CallerRole.Member => IsLinkedMember(caller, state, issue),
            _ => false,
        };
        if (!allowed)
        {
            throw new PermissionDeniedException($"{caller} may not {action} issue {issue.Id} for the citizen");
        }
    }

    /// <summary>Checks the caller may report at a place: services and dispatchers anywhere, admins and grid workers in their subtree, members for their own households.</summary>
    public static void CheckCanReport(Caller caller, HierarchyState state, long placeUnitId, long? householdId)
    {
        var allowed = caller.Role switch
        {
            CallerRole.Service or CallerRole.Dispatcher => true,
            CallerRole.Admin or CallerRole.GridWorker => AccessPolicy.IsInScope(caller, state.Tree, placeUnitId),
            CallerRole.Member => householdId is { } household && state.Households.MemberOf(household) == caller.SubjectId,
            CallerRole.Organization => Serves(state.Tree, caller.SubjectId, placeUnitId),
            _ => false,
        };
        if (!allowed)
        {
            throw new PermissionDeniedException($"{caller} may not report issues at unit {placeUnitId}");
        }
    }

    /// <summary>Tells whether an organisation serves the place: it lies in one of its units (有事您找我: a company takes complaints itself).</summary>
    private static bool Serves(OrgTreeSnapshot tree, long organizationId, long placeUnitId) =>
        tree.OrganizationById(organizationId) is { } organization && tree.TryIndexOf(placeUnitId, out var place)
        && organization.UnitIds.Any(id => tree.TryIndexOf(id, out var unit) && tree.IsInSubtree(place, unit));

    private static long OverseerOfOrganization(Issue issue)
    {
        var level = issue.Route[issue.ChainStep].Level == Organization.AttachedOrganization.ZoneStep ? 1 : 2;
        return issue.Facts.Path[Math.Min(level, issue.Facts.Path.Count - 1)];
    }

    private static bool IsLinkedMember(Caller caller, HierarchyState state, Issue issue) =>
        issue.Facts.HouseholdId is { } household && state.Households.MemberOf(household) == caller.SubjectId;
}
