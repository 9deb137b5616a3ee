using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;

namespace Hierarchy.Domain.Reorganization;

/// <summary>The diff of a worked-out plan: what changed, who moved, and each community before and after.</summary>
public sealed partial class ReorganizationPlanner
{
    private void Summarize()
    {
        foreach (var (id, after) in _units.Where(u => !u.Value.Retired && _tree.TryIndexOf(u.Key, out _)))
        {
            _tree.TryIndexOf(id, out var index);
            var before = _tree.UnitAt(index);
            if (before != after)
            {
                _effect.Changed.Add((before, after));
                if (after.Level == OrgLevel.BuildingGroup && after.ParentId != before.ParentId)
                {
                    _effect.HouseholdsMoved += _context.HouseholdsIn(id);
                }
            }
        }

        foreach (var ((unit, kind), holder) in _positions)
        {
            var before = _tree.TryIndexOf(unit, out var index) ? _tree.PositionsAt(index).FirstOrDefault(p => p.Kind == kind) : null;
            if (holder is not null && holder != before)
            {
                _effect.PositionsAssigned.Add(holder);
            }
            else if (holder is null && before is not null)
            {
                _effect.PositionsVacated.Add(before);
            }
        }

        // A zone or company keeps serving its other units; the admin is told which ones it loses.
        foreach (var retired in _effect.Retired)
        {
            foreach (var organization in _tree.Organizations.Where(o => o.UnitIds.Contains(retired.Id)))
            {
                _effect.Warnings.Add(
                    $"{organization.Kind} {organization.Id} {organization.Name} serves {retired.Code} {retired.Name}, which this plan retires: change the units it serves");
            }
        }

        foreach (var (member, to) in _memberUnits)
        {
            var from = _context.MemberUnit(member)!.Value;
            if (from != to)
            {
                _effect.MembersMoved.Add((member, from, to));
                var links = _context.LinksOf(member);
                if (links < MemberLinkPolicy.Minimum)
                {
                    _effect.Warnings.Add($"party member {member} moves to unit {to} with {links} linked households, fewer than {MemberLinkPolicy.Minimum}");
                }
            }
        }

        foreach (var community in _touchedCommunities)
        {
            _effect.Communities[community] = (CountBefore(community), CountAfter(community));
        }
    }

    private CommunityCount CountBefore(long community)
    {
        if (!_tree.TryIndexOf(community, out var index))
        {
            return default;
        }

        var grids = _tree.ChildrenOf(index).ToList();
        var groups = grids.SelectMany(_tree.ChildrenOf).Select(i => _tree.UnitAt(i).Id).ToList();
        return new CommunityCount(grids.Count, groups.Count, groups.Sum(g => (long)_context.HouseholdsIn(g)));
    }

    private CommunityCount CountAfter(long community)
    {
        var grids = Children(community);
        var groups = grids.SelectMany(Children).ToList();
        return new CommunityCount(grids.Count, groups.Count, groups.Sum(g => (long)_context.HouseholdsIn(g)));
    }
}
