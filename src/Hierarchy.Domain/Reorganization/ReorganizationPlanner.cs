using System.Globalization;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.Reorganization;

/// <summary>
/// Works a plan out on a copy of the tree: applies each change in order, checks every rule with an error naming the unit
/// and the rule, and returns the effect. Nothing is written; the same changes on the same tree version give the same effect.
/// </summary>
public sealed class ReorganizationPlanner
{
    private readonly OrgTreeSnapshot _tree;
    private readonly PlanningContext _context;
    private readonly ReorganizationEffect _effect;
    private readonly Dictionary<long, OrgUnit> _units = [];
    private readonly Dictionary<long, List<long>> _children = [];
    private readonly Dictionary<string, long> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<(long Unit, PositionKind Kind), Position?> _positions = [];
    private readonly Dictionary<long, long> _memberUnits = [];
    private readonly Dictionary<long, long> _provisional = [];
    private readonly HashSet<long> _touchedGrids = [];
    private readonly HashSet<long> _touchedCommunities = [];
    private long _nextId;

    private ReorganizationPlanner(OrgTreeSnapshot tree, PlanningContext context)
    {
        _tree = tree;
        _context = context;
        _nextId = context.MaxUnitId;
        _effect = new ReorganizationEffect { BaseVersion = tree.Version };
    }

    /// <summary>Works out the effect of <paramref name="changes"/> on <paramref name="tree"/>.</summary>
    /// <exception cref="DomainException">A change breaks a rule or names what does not exist.</exception>
    public static ReorganizationEffect Plan(OrgTreeSnapshot tree, IReadOnlyList<ReorganizationChange> changes, PlanningContext context)
    {
        if (changes.Count == 0)
        {
            throw new InvalidFieldException("changes", "a plan needs at least one change");
        }

        CheckMergesFormNoCycle(changes);
        var planner = new ReorganizationPlanner(tree, context);
        foreach (var (change, index) in changes.Select((c, i) => (c, i)))
        {
            try
            {
                planner.Apply(change);
            }
            catch (DomainException e) when (e is RuleViolationException or NotFoundException)
            {
                throw e is NotFoundException missing ? new NotFoundException($"change {index + 1}: {missing.What}")
                    : new RuleViolationException($"change {index + 1}: {e.Message}");
            }
        }

        planner.CheckInvariants();
        planner.Summarize();
        return planner._effect;
    }

    private void Apply(ReorganizationChange change)
    {
        switch (change)
        {
            case MergeGrids merge:
                Merge(merge);
                break;
            case MoveBuildingGroups move:
                var target = Active(move.Target, OrgLevel.Grid);
                foreach (var group in move.BuildingGroups)
                {
                    var unit = Active(group, OrgLevel.BuildingGroup);
                    if (StreetOf(unit) != StreetOf(target))
                    {
                        throw new RuleViolationException($"cannot move building group {unit.Code} to grid {target.Code}: they are in different streets");
                    }

                    Reparent(unit, target);
                }

                break;
            case CreateUnit create:
                Create(create);
                break;
            case RetireUnit retire:
                Retire(Active(retire.Unit, null), successor: null);
                break;
            case RenameUnit rename:
                if (string.IsNullOrWhiteSpace(rename.Name) || rename.Name.Length > 100)
                {
                    throw new InvalidFieldException("name", "a unit name has 1 to 100 characters");
                }

                var renamed = Active(rename.Unit, null);
                Update(renamed, renamed with { Name = rename.Name });
                break;
            case AssignPosition assign:
                var at = Active(assign.Unit, null);
                _positions[(at.Id, assign.Kind)] = assign.Holder is { } holder ? holder with { UnitId = at.Id, Kind = assign.Kind } : null;
                Touch(at);
                break;
            case MoveMember move:
                if (!_memberUnits.ContainsKey(move.Member) && _context.MemberUnit(move.Member) is null)
                {
                    throw new NotFoundException($"party member {move.Member}");
                }

                _memberUnits[move.Member] = Active(move.Unit, null).Id;
                break;
            default:
                throw new InvalidFieldException("changes", $"{change.GetType().Name} is not a change this server knows");
        }
    }

    private void Merge(MergeGrids merge)
    {
        if (merge.Sources.Count == 0)
        {
            throw new InvalidFieldException("source_grid_ids", "a merge needs at least one source grid");
        }

        var target = Active(merge.Target, OrgLevel.Grid);
        foreach (var sourceId in merge.Sources)
        {
            var source = Active(sourceId, OrgLevel.Grid);
            if (source.Id == target.Id)
            {
                throw new RuleViolationException($"cannot merge grid {source.Code} into itself");
            }

            if (source.ParentId != target.ParentId)
            {
                if (!merge.AllowCrossCommunity)
                {
                    throw new RuleViolationException(
                        $"cannot merge grid {source.Code} into {target.Code}: they are in different communities; set allow_cross_community to merge within one street");
                }

                if (StreetOf(source) != StreetOf(target))
                {
                    throw new RuleViolationException($"cannot merge grid {source.Code} into {target.Code}: they are in different streets");
                }
            }

            foreach (var group in Children(source.Id).ToList())
            {
                Reparent(Unit(group), target);
            }

            Retire(source, target.Id);
        }
    }

    private void Create(CreateUnit create)
    {
        if (create.ProvisionalId >= 0)
        {
            throw new InvalidFieldException("provisional_id", $"{create.ProvisionalId} must be negative: it names a unit this plan creates");
        }

        if (_provisional.ContainsKey(create.ProvisionalId))
        {
            throw new InvalidFieldException("provisional_id", $"{create.ProvisionalId} is used twice");
        }

        if (string.IsNullOrWhiteSpace(create.Name) || create.Name.Length > 100)
        {
            throw new InvalidFieldException("name", "a unit name has 1 to 100 characters");
        }

        if (create.Level == OrgLevel.District)
        {
            throw new RuleViolationException("a reorganisation cannot create a district");
        }

        var parent = Active(create.Parent, create.Level - 1);
        var code = create.Code.Length > 0 ? create.Code : NextCode(parent);
        UnitCode.Validate("code", create.Level, code, parent.Code);
        if (CodeHolder(code) is { } holder)
        {
            throw new RuleViolationException($"code {code} is taken by unit {holder}");
        }

        var unit = new OrgUnit(++_nextId, create.Level, code, create.Name, parent.Id, 1);
        _provisional[create.ProvisionalId] = unit.Id;
        _units[unit.Id] = unit;
        _codes[code] = unit.Id;
        _children[unit.Id] = [];
        Children(parent.Id).Add(unit.Id);
        _effect.Created.Add(unit);
        Touch(unit);
    }

    private void Retire(OrgUnit unit, long? successor)
    {
        _units[unit.Id] = unit with { Retired = true };
        _codes.Remove(unit.Code);
        Children(unit.ParentId ?? 0).Remove(unit.Id);
        _effect.Retired.Add(unit);
        _effect.Successors[unit.Id] = successor ?? unit.ParentId ?? unit.Id;
        foreach (var position in Positions(unit.Id))
        {
            _positions[(unit.Id, position.Kind)] = null;
        }

        if (successor is { } next)
        {
            foreach (var member in _context.MembersOf(unit.Id).Where(m => !_memberUnits.ContainsKey(m)))
            {
                _memberUnits[member] = next;
            }
        }

        Touch(unit);
    }

    private void Reparent(OrgUnit unit, OrgUnit parent)
    {
        if (unit.ParentId == parent.Id)
        {
            return;
        }

        Children(unit.ParentId!.Value).Remove(unit.Id);
        var code = NextCode(parent);
        Children(parent.Id).Add(unit.Id);
        Touch(Unit(unit.ParentId.Value));
        Update(unit, unit with { ParentId = parent.Id, Code = code });
        Touch(parent);
    }

    private void Update(OrgUnit before, OrgUnit after)
    {
        _codes.Remove(before.Code);
        _codes[after.Code] = after.Id;
        _units[after.Id] = after;
        Touch(after);
    }

    private void CheckInvariants()
    {
        foreach (var gridId in _touchedGrids)
        {
            var grid = Unit(gridId);
            if (grid.Retired)
            {
                continue;
            }

            if (Children(gridId).Count == 0)
            {
                throw new RuleViolationException($"grid {grid.Code} {grid.Name} would be left active with no building group; merge or retire it");
            }

            if (!Positions(gridId).Any(p => p.Kind == PositionKind.GridChief))
            {
                throw new RuleViolationException($"grid {grid.Code} {grid.Name} would have no branch secretary; assign its grid chief");
            }
        }

        foreach (var unit in _effect.Retired)
        {
            if (Children(unit.Id).Count > 0)
            {
                throw new RuleViolationException($"cannot retire {unit.Level} {unit.Code}: it still has {Children(unit.Id).Count} active units beneath it");
            }

            var stranded = _context.MembersOf(unit.Id).Count(m => !_memberUnits.ContainsKey(m));
            if (stranded > 0)
            {
                throw new RuleViolationException($"cannot retire {unit.Level} {unit.Code}: {stranded} party members still belong to it; move them first");
            }
        }
    }

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

    private void Touch(OrgUnit unit)
    {
        var id = unit.Id;
        for (var level = unit.Level; level >= OrgLevel.Community; level--)
        {
            var current = Unit(id);
            if (level == OrgLevel.Grid)
            {
                _touchedGrids.Add(id);
            }
            else if (level == OrgLevel.Community)
            {
                _touchedCommunities.Add(id);
            }

            id = current.ParentId ?? 0;
        }
    }

    private OrgUnit Active(long id, OrgLevel? level)
    {
        var unit = Unit(id);
        if (unit.Retired)
        {
            throw new RuleViolationException($"unit {unit.Code} is retired by an earlier change of this plan");
        }

        if (level is { } expected && unit.Level != expected)
        {
            throw new RuleViolationException($"unit {unit.Code} {unit.Name} is a {unit.Level}, not a {expected}");
        }

        return unit;
    }

    private OrgUnit Unit(long id)
    {
        if (id < 0)
        {
            id = _provisional.TryGetValue(id, out var real) ? real : throw new NotFoundException($"provisional unit {id} (create it earlier in the plan)");
        }

        if (_units.TryGetValue(id, out var unit))
        {
            return unit;
        }

        return _tree.TryIndexOf(id, out var index) ? _tree.UnitAt(index) : throw new NotFoundException($"unit {id}");
    }

    private List<long> Children(long id)
    {
        if (!_children.TryGetValue(id, out var children))
        {
            children = _tree.TryIndexOf(id, out var index) ? [.. _tree.ChildrenOf(index).Select(i => _tree.UnitAt(i).Id)] : [];
            _children[id] = children;
        }

        return children;
    }

    private IEnumerable<Position> Positions(long unit)
    {
        var held = _tree.TryIndexOf(unit, out var index) ? _tree.PositionsAt(index) : [];
        var kinds = held.Select(p => p.Kind).Concat(_positions.Keys.Where(k => k.Unit == unit).Select(k => k.Kind)).Distinct();
        foreach (var kind in kinds)
        {
            var position = _positions.TryGetValue((unit, kind), out var changed) ? changed : held.FirstOrDefault(p => p.Kind == kind);
            if (position is not null)
            {
                yield return position;
            }
        }
    }

    private long StreetOf(OrgUnit unit)
    {
        while (unit.Level > OrgLevel.Street)
        {
            unit = Unit(unit.ParentId!.Value);
        }

        return unit.Id;
    }

    private long? CodeHolder(string code)
    {
        if (_codes.TryGetValue(code, out var holder))
        {
            return holder;
        }

        return _tree.TryIndexOfCode(code, out var index) && Unit(_tree.UnitAt(index).Id) is { Retired: false } unit && unit.Code == code ? unit.Id : null;
    }

    private string NextCode(OrgUnit parent)
    {
        var length = UnitCode.Length(parent.Level + 1);
        var used = Children(parent.Id).Select(c => Unit(c).Code).Where(c => c.Length == length).Select(c => int.Parse(c[^3..], CultureInfo.InvariantCulture));
        var next = used.DefaultIfEmpty(0).Max() + 1;
        while (next <= 999 && CodeHolder(parent.Code + next.ToString("D3", CultureInfo.InvariantCulture)) is not null)
        {
            next++;
        }

        return next <= 999 ? parent.Code + next.ToString("D3", CultureInfo.InvariantCulture)
            : throw new RuleViolationException($"{parent.Level} {parent.Code} has no free code left for another child");
    }

    private static void CheckMergesFormNoCycle(IReadOnlyList<ReorganizationChange> changes)
    {
        var into = new Dictionary<long, long>();
        foreach (var merge in changes.OfType<MergeGrids>())
        {
            foreach (var source in merge.Sources)
            {
                into[source] = merge.Target;
            }
        }

        foreach (var start in into.Keys)
        {
            var seen = new List<long> { start };
            for (var at = start; into.TryGetValue(at, out var next);)
            {
                if (seen.Contains(next))
                {
                    throw new RuleViolationException($"the merges form a cycle: {string.Join(" → ", seen.Append(next))}");
                }

                seen.Add(next);
                at = next;
            }
        }
    }
}
