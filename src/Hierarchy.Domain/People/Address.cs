namespace Hierarchy.Domain.People;

/// <summary>Where a household lives: building, entrance unit and room (楼号-单元-室).</summary>
/// <param name="Building">Gets the building, such as "3号楼".</param>
/// <param name="Entrance">Gets the entrance unit, such as "2单元".</param>
/// <param name="Room">Gets the room, such as "501".</param>
public sealed record Address(string Building, string Entrance, string Room)
{
    /// <inheritdoc />
    public override string ToString() => $"{Building}{Entrance}{Room}室";
}
