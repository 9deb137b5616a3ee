using System.Collections.Frozen;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Domain.ReadModel;

/// <summary>
/// An immutable, versioned picture of the org tree: units in pre-order so a subtree is a contiguous range,
/// id and code maps to indexes, positions per unit, and the responsibility matrix. Readers share it without locks.
/// </summary>
public sealed partial class OrgTreeSnapshot
{
    private readonly OrgUnit[] _units;
    private readonly OrgLevel[] _levels;
    private readonly bool[] _staffed;
    private readonly int[] _parent;
    private readonly int[] _subtreeEnd;
    private readonly int[] _childCount;
    private readonly Position[][] _positions;
    private readonly FrozenDictionary<long, int> _byId;
    private readonly int[]? _denseById;
    private readonly FrozenDictionary<string, int> _byCode;
    private readonly EscalationStep[]?[]?[] _chains;

    private OrgTreeSnapshot(
        long version, OrgUnit[] units, int[] parent, int[] subtreeEnd, int[] childCount, Position[][] positions, ResponsibilityMatrix matrix)
    {
        Version = version;
        _units = units;
        _parent = parent;
        _subtreeEnd = subtreeEnd;
        _childCount = childCount;
        _positions = positions;
        // Plain arrays beside the unit objects: Resolve walks them without touching an object.
        _levels = [.. units.Select(u => u.Level)];
        _staffed = [.. positions.Select(p => p.Length > 0)];
        Matrix = matrix;
        _byId = Enumerable.Range(0, units.Length).ToFrozenDictionary(i => units[i].Id);
        _denseById = DenseIndex(units);
        _byCode = Enumerable.Range(0, units.Length).ToFrozenDictionary(i => units[i].Code, StringComparer.Ordinal);
        _chains = new EscalationStep[]?[]?[matrix.Count];
    }

    /// <summary>Gets the tree version this snapshot shows.</summary>
    public long Version { get; }

    /// <summary>Gets the responsibility matrix in force at this version.</summary>
    public ResponsibilityMatrix Matrix { get; }

    /// <summary>Gets the number of units.</summary>
    public int Count => _units.Length;

    /// <summary>Builds a snapshot, checking the tree's invariants first.</summary>
    /// <exception cref="RuleViolationException">The units do not form a valid tree.</exception>
    public static OrgTreeSnapshot Build(
        long version, IReadOnlyCollection<OrgUnit> units, IEnumerable<Position> positions, ResponsibilityMatrix matrix,
        IReadOnlyList<AttachedOrganization>? organizations = null)
    {
        OrgTreeRules.CheckTree(units);
        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var ordered = new List<OrgUnit>(units.Count);
        var parents = new List<int>(units.Count);
        var ends = new List<int>(units.Count);
        foreach (var root in units.Where(u => u.ParentId is null).OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            Visit(root, -1);
        }

        var childCount = new int[ordered.Count];
        foreach (var p in parents.Where(p => p >= 0))
        {
            childCount[p]++;
        }

        var held = positions.ToLookup(p => p.UnitId);
        var byIndex = ordered.Select(u => held[u.Id].OrderBy(p => p.Kind).ToArray()).ToArray();
        var snapshot = new OrgTreeSnapshot(version, [.. ordered], [.. parents], [.. ends], childCount, byIndex, matrix);
        snapshot.Attach(organizations ?? []);
        return snapshot;

        // Iterative depth would be 5; recursion is bounded by the number of levels.
        void Visit(OrgUnit unit, int parent)
        {
            var index = ordered.Count;
            ordered.Add(unit);
            parents.Add(parent);
            ends.Add(0);
            foreach (var child in children[unit.Id].OrderBy(c => c.Code, StringComparer.Ordinal))
            {
                Visit(child, index);
            }

            ends[index] = ordered.Count;
        }
    }

    /// <summary>Gets the index of a unit id; false when unknown.</summary>
    public bool TryIndexOf(long id, out int index)
    {
        if (_denseById is { } dense)
        {
            index = (ulong)id < (ulong)dense.Length ? dense[id] - 1 : -1;
            return index >= 0;
        }

        return _byId.TryGetValue(id, out index);
    }

    /// <summary>Maps ids to indexes through a plain array when ids are dense enough: Resolve does this lookup on every call.</summary>
    private static int[]? DenseIndex(OrgUnit[] units)
    {
        var max = units.Length == 0 ? 0 : units.Max(u => u.Id);
        if (max < 0 || max > Math.Max(1024, 4L * units.Length))
        {
            return null;
        }

        var dense = new int[max + 1];
        for (var i = 0; i < units.Length; i++)
        {
            dense[units[i].Id] = i + 1;
        }

        return dense;
    }

    /// <summary>
    /// Gets the escalation chain of an owner for a rule, built once per snapshot: every household an owner serves shares it.
    /// A chain is never changed after it is built, so racing builders store equal values.
    /// </summary>
    public EscalationStep[] ChainOf(int owner, int ruleOrdinal, Func<OrgTreeSnapshot, int, ResponsibilityRule, EscalationStep[]> build)
    {
        var perOwner = _chains[ruleOrdinal] ??= new EscalationStep[]?[_units.Length];
        return perOwner[owner] ??= build(this, owner, Matrix.RuleAt(ruleOrdinal));
    }

    /// <summary>Gets the index of a unit code; false when unknown.</summary>
    public bool TryIndexOfCode(string code, out int index) => _byCode.TryGetValue(code, out index);

    /// <summary>Gets the unit at an index.</summary>
    public OrgUnit UnitAt(int index) => _units[index];

    /// <summary>Gets the level of the unit at an index.</summary>
    public OrgLevel LevelOf(int index) => _levels[index];

    /// <summary>Tells whether anyone holds a position at the unit at an index.</summary>
    public bool IsStaffed(int index) => _staffed[index];

    /// <summary>Gets the parent index; -1 for a district.</summary>
    public int ParentOf(int index) => _parent[index];

    /// <summary>Gets how many children the unit at an index has.</summary>
    public int ChildCountOf(int index) => _childCount[index];

    /// <summary>Gets the positions held at the unit at an index.</summary>
    public IReadOnlyList<Position> PositionsAt(int index) => _positions[index];

    /// <summary>Tells whether the unit at <paramref name="index"/> lies in the subtree of <paramref name="root"/> (itself included).</summary>
    public bool IsInSubtree(int index, int root) => index >= root && index < _subtreeEnd[root];

    /// <summary>Gets the indexes of a unit's subtree, in pre-order, itself first.</summary>
    public (int Start, int End) SubtreeOf(int index) => (index, _subtreeEnd[index]);

    /// <summary>Gets the indexes of a unit's children, in code order.</summary>
    public IEnumerable<int> ChildrenOf(int index)
    {
        for (var child = index + 1; child < _subtreeEnd[index]; child = _subtreeEnd[child])
        {
            yield return child;
        }
    }

    /// <summary>Gets the indexes of the districts (the units without a parent), in order.</summary>
    public IEnumerable<int> Roots()
    {
        for (var root = 0; root < _units.Length; root = _subtreeEnd[root])
        {
            yield return root;
        }
    }

    /// <summary>Gets the indexes of a unit's ancestors, its parent first, the district last.</summary>
    public IEnumerable<int> AncestorsOf(int index)
    {
        for (var p = _parent[index]; p >= 0; p = _parent[p])
        {
            yield return p;
        }
    }

    /// <summary>Gets the index of the district a unit lies in (itself for a district).</summary>
    public int DistrictOf(int index) => AncestorsOf(index).DefaultIfEmpty(index).Last();

    /// <summary>Gets the index of a unit by id or code; exactly one must be given.</summary>
    /// <exception cref="InvalidFieldException">Neither or both were given.</exception>
    /// <exception cref="NotFoundException">No such unit.</exception>
    public int Find(long id, string code, string idField = "unit_id", string codeField = "unit_code")
    {
        if ((id == 0) == string.IsNullOrEmpty(code))
        {
            throw new InvalidFieldException(idField, $"set exactly one of {idField} and {codeField}");
        }

        if (id < 0)
        {
            throw new InvalidFieldException(idField, $"{id} is not a unit id");
        }

        if (id != 0)
        {
            return TryIndexOf(id, out var byId) ? byId : throw new NotFoundException($"unit {id}");
        }

        if (UnitCode.LevelOf(code) is null || !code.All(char.IsAsciiDigit))
        {
            throw new InvalidFieldException(codeField, $"'{code}' is not a unit code of 6, 9, 12, 15 or 18 digits");
        }

        return TryIndexOfCode(code, out var byCode) ? byCode : throw new NotFoundException($"unit with code {code}");
    }
}
