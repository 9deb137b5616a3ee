namespace Hierarchy.Grains;

/// <summary>The grain storage that holds state nobody queries, in Hierarchy's own database (Orleans' ADO.NET persistence).</summary>
public static class GrainStorage
{
    /// <summary>Gets the storage provider's name.</summary>
    public const string Name = "hierarchy";
}
