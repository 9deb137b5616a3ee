namespace Hierarchy.Grains.Sweeps;

/// <summary>What a partition's sweeper has done, kept as grain state: it survives the silo the sweeper ran on.</summary>
[GenerateSerializer]
public sealed class SweepRecord
{
    /// <summary>Gets or sets when the last sweep that moved an issue ended.</summary>
    [Id(0)]
    public DateTimeOffset? LastMovedAt { get; set; }

    /// <summary>Gets or sets how many issues that sweep moved.</summary>
    [Id(1)]
    public int LastMoved { get; set; }

    /// <summary>Gets or sets how many issues this partition's sweepers moved in all.</summary>
    [Id(2)]
    public long TotalMoved { get; set; }
}
