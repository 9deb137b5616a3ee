using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Reorganization;

namespace Hierarchy.Server.Reorganization;

/// <summary>Turns the changes of a request into domain changes, refusing malformed fields by name.</summary>
internal static class ChangeParser
{
    public static IReadOnlyList<ReorganizationChange> Parse(V1.PlanReorganizationRequest request, MemberIndex members) =>
        [.. request.Changes.Select((change, i) => Parse(change, $"changes[{i}]", members))];

    /// <summary>Gets every existing unit and member a change names, for the admin's scope check.</summary>
    public static IEnumerable<long> UnitsNamed(IEnumerable<ReorganizationChange> changes, MemberIndex members) => changes.SelectMany(change => change switch
    {
        MergeGrids m => m.Sources.Append(m.Target),
        MoveBuildingGroups m => m.BuildingGroups.Append(m.Target),
        CreateUnit c => [c.Parent],
        RetireUnit r => [r.Unit],
        RenameUnit r => [r.Unit],
        SetUnitKind k => [k.Unit],
        AssignPosition a => [a.Unit],
        MoveMember m => [m.Unit, members.Get(m.Member)?.Member.UnitId ?? 0],
        _ => [],
    }).Where(id => id > 0);

    private static ReorganizationChange Parse(V1.ReorganizationChange change, string field, MemberIndex members) => change.ChangeCase switch
    {
        V1.ReorganizationChange.ChangeOneofCase.MergeGrids => new MergeGrids(
            Ids(change.MergeGrids.SourceGridIds, $"{field}.merge_grids.source_grid_ids"),
            Id(change.MergeGrids.TargetGridId, $"{field}.merge_grids.target_grid_id"),
            change.MergeGrids.AllowCrossCommunity),
        V1.ReorganizationChange.ChangeOneofCase.MoveBuildingGroups => new MoveBuildingGroups(
            Ids(change.MoveBuildingGroups.BuildingGroupIds, $"{field}.move_building_groups.building_group_ids"),
            Id(change.MoveBuildingGroups.TargetGridId, $"{field}.move_building_groups.target_grid_id")),
        V1.ReorganizationChange.ChangeOneofCase.CreateUnit => new CreateUnit(
            change.CreateUnit.ProvisionalId,
            change.CreateUnit.Level is > V1.OrgLevel.Unspecified and <= V1.OrgLevel.BuildingGroup
                ? (OrgLevel)change.CreateUnit.Level
                : throw new InvalidFieldException($"{field}.create_unit.level", $"{(int)change.CreateUnit.Level} is not an org level"),
            Id(change.CreateUnit.ParentId, $"{field}.create_unit.parent_id"),
            change.CreateUnit.Name,
            change.CreateUnit.Code,
            change.CreateUnit.Kind == V1.UnitKind.Unspecified ? null : Kind(change.CreateUnit.Kind, $"{field}.create_unit.kind")),
        V1.ReorganizationChange.ChangeOneofCase.SetUnitKind => new SetUnitKind(
            Id(change.SetUnitKind.UnitId, $"{field}.set_unit_kind.unit_id"), Kind(change.SetUnitKind.Kind, $"{field}.set_unit_kind.kind")),
        V1.ReorganizationChange.ChangeOneofCase.RetireUnit => new RetireUnit(Id(change.RetireUnit.UnitId, $"{field}.retire_unit.unit_id")),
        V1.ReorganizationChange.ChangeOneofCase.RenameUnit => new RenameUnit(Id(change.RenameUnit.UnitId, $"{field}.rename_unit.unit_id"), change.RenameUnit.Name),
        V1.ReorganizationChange.ChangeOneofCase.AssignPosition => Assign(change.AssignPosition, $"{field}.assign_position", members),
        V1.ReorganizationChange.ChangeOneofCase.MoveMember => new MoveMember(
            Positive(change.MoveMember.MemberId, $"{field}.move_member.member_id"), Id(change.MoveMember.UnitId, $"{field}.move_member.unit_id")),
        _ => throw new InvalidFieldException(field, "sets no change"),
    };

    private static UnitKind Kind(V1.UnitKind kind, string field) => kind is > V1.UnitKind.Unspecified and <= V1.UnitKind.ResidentsGroup
        ? (UnitKind)kind
        : throw new InvalidFieldException(field, $"{(int)kind} is not a unit kind");

    private static AssignPosition Assign(V1.AssignPosition assign, string field, MemberIndex members)
    {
        if (assign.Kind is <= V1.PositionKind.Unspecified or > V1.PositionKind.GridWorker)
        {
            throw new InvalidFieldException($"{field}.kind", $"{(int)assign.Kind} is not a position");
        }

        var unit = Id(assign.UnitId, $"{field}.unit_id");
        var kind = (PositionKind)assign.Kind;
        if (assign.Vacate)
        {
            return new AssignPosition(unit, kind, null);
        }

        if (assign.MemberId != 0)
        {
            var member = members.Get(assign.MemberId)?.Member ?? throw new NotFoundException($"party member {assign.MemberId}");
            // A position is a public contact point: it shows the work phone the admin gives, never the member's own.
            return new AssignPosition(unit, kind, new Position(unit, kind, member.Name, assign.HolderPhone, member.Id, NullIfEmpty(assign.Agency)));
        }

        if (string.IsNullOrWhiteSpace(assign.HolderName) || string.IsNullOrWhiteSpace(assign.HolderPhone))
        {
            throw new InvalidFieldException($"{field}.member_id", "name the holder by member_id, or by holder_name and holder_phone, or set vacate");
        }

        return new AssignPosition(unit, kind, new Position(unit, kind, assign.HolderName, assign.HolderPhone, null, NullIfEmpty(assign.Agency)));
    }

    private static long Id(long id, string field) =>
        id != 0 ? id : throw new InvalidFieldException(field, "is required");

    private static long Positive(long id, string field) =>
        id > 0 ? id : throw new InvalidFieldException(field, id == 0 ? "is required" : $"{id} is not an id");

    private static long[] Ids(IEnumerable<long> ids, string field)
    {
        var list = ids.ToArray();
        return list.Length > 0 && list.All(id => id != 0) ? list : throw new InvalidFieldException(field, "needs at least one id and no zero");
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
