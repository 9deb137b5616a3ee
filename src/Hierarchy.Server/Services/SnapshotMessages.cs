using System.Runtime.CompilerServices;
using Hierarchy.Domain.ReadModel;
using V1 = Hierarchy.V1;

namespace Hierarchy.Server.Services;

/// <summary>
/// The protobuf messages of one tree snapshot's units and positions, made once and shared by every response:
/// they are never changed after creation, so serialising one from many calls at once is safe.
/// </summary>
internal sealed class SnapshotMessages
{
    private static readonly ConditionalWeakTable<OrgTreeSnapshot, SnapshotMessages> Cache = [];
    private readonly OrgTreeSnapshot _tree;
    private readonly V1.OrgUnit?[] _units;
    private readonly V1.Position[]?[] _positions;

    private SnapshotMessages(OrgTreeSnapshot tree)
    {
        _tree = tree;
        _units = new V1.OrgUnit?[tree.Count];
        _positions = new V1.Position[]?[tree.Count];
    }

    public static SnapshotMessages For(OrgTreeSnapshot tree) => Cache.GetValue(tree, t => new SnapshotMessages(t));

    public V1.OrgUnit Unit(int index) => _units[index] ??= Create(index);

    public V1.Position[] Positions(int index) =>
        _positions[index] ??= [.. _tree.PositionsAt(index).Select(ProtoMapping.Position)];

    private V1.OrgUnit Create(int index)
    {
        var unit = _tree.UnitAt(index);
        return new V1.OrgUnit
        {
            Id = unit.Id,
            Level = (V1.OrgLevel)unit.Level,
            Code = unit.Code,
            Name = unit.Name,
            ParentId = unit.ParentId ?? 0,
            Version = unit.Version,
            ChildCount = _tree.ChildCountOf(index),
            Retired = unit.Retired,
        };
    }
}
