namespace Hierarchy.Storage.Stores;

/// <summary>What a change feed entry asks replicas to reload.</summary>
public enum ChangeKind
{
    /// <summary>The org tree moved to a new version (the entity is the version).</summary>
    Tree = 1,

    /// <summary>A party member or its links changed (the entity is the member).</summary>
    Member = 2,

    /// <summary>Households were added in bulk, by an import (the entity is the lowest id added).</summary>
    HouseholdsAdded = 3,

    /// <summary>Party members and their links were added in bulk, by an import (the entity is the lowest id added).</summary>
    MembersAdded = 4,
}
