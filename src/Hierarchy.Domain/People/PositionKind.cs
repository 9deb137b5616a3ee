namespace Hierarchy.Domain.People;

/// <summary>职务: the positions held at units.</summary>
public enum PositionKind
{
    /// <summary>书记: the party secretary of a unit.</summary>
    PartySecretary = 1,

    /// <summary>网格长: the grid chief, who is also the grid branch secretary.</summary>
    GridChief = 2,

    /// <summary>楼栋长: the building leader.</summary>
    BuildingLeader = 3,

    /// <summary>第一书记: the first secretary dispatched from an agency.</summary>
    FirstSecretary = 4,

    /// <summary>网格员: the grid's all-round worker (全科人员), who receives, handles and replies to its issues (a <c>worker:</c> token acts as one).</summary>
    GridWorker = 5,
}
