namespace Hierarchy.Storage.Stores;

/// <summary>What a change feed entry asks replicas to reload.</summary>
public enum ChangeKind
{
    /// <summary>The org tree moved to a new version (the entity is the version).</summary>
    Tree = 1,

    /// <summary>A party member or its links changed (the entity is the member).</summary>
    Member = 2,
}
