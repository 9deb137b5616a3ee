namespace Hierarchy.Domain.Responsibility;

/// <summary>How one department or category differs between two lists.</summary>
public enum ListDifferenceKind
{
    /// <summary>Only the new list has it.</summary>
    Added,

    /// <summary>Only the list in force has it.</summary>
    Removed,

    /// <summary>Both have it, differently.</summary>
    Changed,
}
