using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.Reorganization;

/// <summary>
/// Works a plan out on a copy of the tree: applies each change in order, checks every rule with an error naming the unit
/// and the rule, and returns the effect. Nothing is written; the same changes on the same tree version give the same effect.
/// </summary>
public sealed partial class ReorganizationPlanner
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
                throw e is NotFoundException missing ? new NotFoundException($"change {index + 1}: {missing.What}") { UnitId = missing.UnitId }
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
            case SetUnitKind set:
                var recast = Active(set.Unit, null);
                UnitKinds.Check(recast.Level, set.Kind, CommunityKindOf(recast), recast.Code);
                Update(recast, recast with { Kind = set.Kind });
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

        // In a village a new group is a villagers' group unless the plan says otherwise.
        var kind = create.Kind
            ?? (create.Level == OrgLevel.BuildingGroup && CommunityKindOf(parent) == UnitKind.Village
                ? UnitKind.ResidentsGroup
                : UnitKinds.FromName(create.Level, create.Name));
        UnitKinds.Check(create.Level, kind, create.Level == OrgLevel.Community ? null : CommunityKindOf(parent), code);
        var unit = new OrgUnit(++_nextId, create.Level, code, create.Name, parent.Id, 1) { Kind = kind };
        _provisional[create.ProvisionalId] = unit.Id;
        _units[unit.Id] = unit;
        _codes[code] = unit.Id;
        _children[unit.Id] = [];
        Children(parent.Id).Add(unit.Id);
        _effect.Created.Add(unit);
        Touch(unit);
    }

    // The kind of the community a unit is in (or is); null above communities.
    private UnitKind? CommunityKindOf(OrgUnit unit)
    {
        var at = unit;
        while (at.Level > OrgLevel.Community)
        {
            at = Unit(at.ParentId ?? 0);
        }

        return at.Level == OrgLevel.Community ? at.Kind : null;
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

}
