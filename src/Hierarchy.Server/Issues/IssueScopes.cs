using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Server.Reorganization;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Server.Issues;

/// <summary>Which issues a caller may list, watch or report on, from what the request names.</summary>
public sealed class IssueScopes(HierarchyState state, RetiredUnits retired)
{
    /// <summary>The issues a caller may list or watch: a subtree within its reach, a member's own households, a department's, the centre's queue, or an organisation's.</summary>
    public async Task<IssueQuery> ForAsync(
        Caller caller, long unitId, string unitCode, long memberId, string department, bool centre, CancellationToken cancellationToken,
        long organizationId = 0)
    {
        if ((unitId != 0 || unitCode.Length > 0 ? 1 : 0) + (memberId != 0 ? 1 : 0) + (department.Length > 0 ? 1 : 0) + (centre ? 1 : 0)
            + (organizationId != 0 ? 1 : 0) > 1)
        {
            throw new InvalidFieldException("member_id", "set one of a unit, a member, a department_code, dispatch_centre or an organization_id");
        }

        if (organizationId != 0)
        {
            var now = state.Tree;
            var organization = organizationId > 0 ? now.OrganizationById(organizationId) : null;
            var allowed = caller.Role switch
            {
                CallerRole.Service or CallerRole.Dispatcher => true,
                CallerRole.Organization => caller.SubjectId == organizationId,
                _ => organization is not null && AccessPolicy.OverseesAny(caller, now, organization.UnitIds),
            };
            if (!allowed)
            {
                throw new PermissionDeniedException($"{caller} may not list the issues of organization {organizationId}");
            }

            return organizationId > 0 ? new IssueQuery { OrganizationId = organizationId }
                : throw new InvalidFieldException("organization_id", $"{organizationId} is not an organisation id");
        }

        if (department.Length > 0)
        {
            state.Tree.Matrix.KnownDepartment("department_code", department);
            if (caller.Role is not (CallerRole.Service or CallerRole.Dispatcher) && caller.DepartmentCode != department)
            {
                throw new PermissionDeniedException($"{caller} may not list the issues of department {department}");
            }

            return new IssueQuery { DepartmentCode = department };
        }

        if (centre)
        {
            if (caller.Role is not (CallerRole.Service or CallerRole.Dispatcher))
            {
                throw new PermissionDeniedException($"{caller} may not list the dispatch centre's queue");
            }

            return new IssueQuery { CentreQueue = true };
        }

        if (memberId != 0)
        {
            var member = state.Members.Get(memberId) ?? throw new NotFoundException($"party member {memberId}");
            AccessPolicy.CheckCanListHouseholds(caller, state.Tree, memberId, member.Member.UnitId);
            return new IssueQuery { HouseholdIds = member.Households };
        }

        // A retired unit's issues stay listable, judged in the last tree that held it.
        var (tree, _, unit) = await retired.FindAsync(state.Tree, unitId, unitCode, cancellationToken);
        if (!AccessPolicy.Oversees(caller, tree, unit.Id))
        {
            throw new PermissionDeniedException($"{caller} may not list the issues of {unit.Level} {unit.Code}");
        }

        return new IssueQuery { RootLevel = unit.Level, RootId = unit.Id };
    }
}
