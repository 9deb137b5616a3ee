using System.Globalization;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;

namespace Hierarchy.Domain.Reorganization;

/// <summary>The plan's working copy of the tree: units, children, codes and positions as the changes so far leave them.</summary>
public sealed partial class ReorganizationPlanner
{
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

        return _tree.TryIndexOf(id, out var index) ? _tree.UnitAt(index) : throw new NotFoundException($"unit {id}") { UnitId = id };
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
}
