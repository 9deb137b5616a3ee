namespace Hierarchy.Domain.Organization;

/// <summary>A unit of the organisation at one of the five levels. Its id is stable; code, name and parent may change.</summary>
/// <param name="Id">Gets the stable internal id.</param>
/// <param name="Level">Gets the level.</param>
/// <param name="Code">Gets the published code.</param>
/// <param name="Name">Gets the name as published.</param>
/// <param name="ParentId">Gets the parent's id; null for a district.</param>
/// <param name="Version">Gets the row version, bumped by every change.</param>
public sealed record OrgUnit(long Id, OrgLevel Level, string Code, string Name, long? ParentId, long Version)
{
    private readonly UnitKind _kind;

    /// <summary>Gets what the unit is at its level (a village, a compound branch …); the level's usual kind unless set.</summary>
    public UnitKind Kind
    {
        get => _kind == 0 ? UnitKinds.Usual(Level) : _kind;
        init => _kind = value;
    }

    /// <summary>Gets whether the unit was retired by a reorganisation (kept for history).</summary>
    public bool Retired { get; init; }

    /// <summary>Gets the tree version that retired the unit; null while it is active.</summary>
    public long? RetiredVersion { get; init; }
}
