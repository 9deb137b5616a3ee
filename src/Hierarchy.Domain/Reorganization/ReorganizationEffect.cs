using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;

namespace Hierarchy.Domain.Reorganization;

/// <summary>What a plan does, row by row, and the diff an admin reads before applying it.</summary>
public sealed class ReorganizationEffect
{
    /// <summary>Gets the tree version the plan was made on.</summary>
    public required long BaseVersion { get; init; }

    /// <summary>Gets the units the plan creates, with their real ids.</summary>
    public List<OrgUnit> Created { get; } = [];

    /// <summary>Gets existing units whose parent, code or name change: (before, after).</summary>
    public List<(OrgUnit Before, OrgUnit After)> Changed { get; } = [];

    /// <summary>Gets the units that retire.</summary>
    public List<OrgUnit> Retired { get; } = [];

    /// <summary>Gets positions given (after the plan).</summary>
    public List<Position> PositionsAssigned { get; } = [];

    /// <summary>Gets positions vacated (as they were).</summary>
    public List<Position> PositionsVacated { get; } = [];

    /// <summary>Gets party members whose unit changes: (member, from, to).</summary>
    public List<(long Member, long From, long To)> MembersMoved { get; } = [];

    /// <summary>Gets, for units that retire, the unit that takes over their open issues.</summary>
    public Dictionary<long, long> Successors { get; } = [];

    /// <summary>Gets households whose grid changes (their building group moves).</summary>
    public long HouseholdsMoved { get; set; }

    /// <summary>Gets warnings that do not stop the plan.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Gets per community: (grids, building groups, households) before and after.</summary>
    public Dictionary<long, (CommunityCount Before, CommunityCount After)> Communities { get; } = [];

    /// <summary>Gets the number of building groups that move.</summary>
    public int BuildingGroupsMoved => Changed.Count(c => c.After.Level == OrgLevel.BuildingGroup && c.Before.ParentId != c.After.ParentId);
}

/// <summary>The size of a community.</summary>
/// <param name="Grids">Gets the active grids.</param>
/// <param name="BuildingGroups">Gets the active building groups.</param>
/// <param name="Households">Gets the households.</param>
public readonly record struct CommunityCount(int Grids, int BuildingGroups, long Households);
