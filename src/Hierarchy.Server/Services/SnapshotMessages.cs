using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;
using Hierarchy.Grpc.WireForm;

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
    private readonly byte[]?[] _placeFields;
    private readonly ConcurrentDictionary<(int Owner, string Category), byte[]> _ownerParts = new();
    private byte[]? _versionField;

    private SnapshotMessages(OrgTreeSnapshot tree)
    {
        _tree = tree;
        _units = new V1.OrgUnit?[tree.Count];
        _positions = new V1.Position[]?[tree.Count];
        _placeFields = new byte[]?[tree.Count];
    }

    public static SnapshotMessages For(OrgTreeSnapshot tree) => Cache.GetValue(tree, t => new SnapshotMessages(t));

    public V1.OrgUnit Unit(int index) => _units[index] ??= ProtoMapping.Unit(_tree.UnitAt(index), _tree.ChildCountOf(index));

    public V1.Position[] Positions(int index) =>
        _positions[index] ??= [.. _tree.PositionsAt(index).Select(ProtoMapping.Position)];

    /// <summary>Gets the encoded <c>place</c> field of a Resolution naming the unit at <paramref name="index"/>.</summary>
    public byte[] PlaceField(int index) => _placeFields[index] ??= MessageField.Encode(V1.Resolution.PlaceFieldNumber, Unit(index));

    /// <summary>Gets the encoded <c>tree_version</c> field of a Resolution, the last field of every answer.</summary>
    public byte[] VersionField => _versionField ??= new V1.Resolution { TreeVersion = _tree.Version }.ToByteArray();

    /// <summary>
    /// Gets the encoded fields of a Resolution that depend only on its owner and category (owner, people, chain, department,
    /// limit, category): the same for every household the owner serves, so encoded once per tree version.
    /// </summary>
    public byte[] OwnerPart(Resolution resolution, string category) =>
        _ownerParts.GetOrAdd((resolution.OwnerIndex, category), static (_, state) =>
        {
            var message = ProtoMapping.Resolution(state.Tree, state.Resolution, state.Category, null);
            message.Place = null;
            message.TreeVersion = 0;
            return message.ToByteArray();
        }, (Tree: _tree, Resolution: resolution, Category: category));
}
