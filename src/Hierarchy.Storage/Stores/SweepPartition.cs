namespace Hierarchy.Storage.Stores;

/// <summary>One of <paramref name="Count"/> disjoint shares of the issues by id, so sweepers on several silos claim apart.</summary>
/// <param name="Index">Gets the share, from 0.</param>
/// <param name="Count">Gets how many shares there are.</param>
public readonly record struct SweepPartition(int Index, int Count)
{
    /// <summary>Gets the partition that holds every issue.</summary>
    public static SweepPartition All => new(0, 1);
}
