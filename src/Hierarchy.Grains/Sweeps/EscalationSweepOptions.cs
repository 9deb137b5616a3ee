namespace Hierarchy.Grains.Sweeps;

/// <summary>How due issues are swept: how often, in how many partitions, how many issues a claim takes.</summary>
public sealed class EscalationSweepOptions
{
    /// <summary>Gets how often each sweeper looks for due issues; <c>null</c> turns sweeping off.</summary>
    public TimeSpan? Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets how many sweepers share the issues; each may run on a different silo.</summary>
    public int Partitions { get; init; } = 4;

    /// <summary>Gets how many issues one claim takes.</summary>
    public int Batch { get; init; } = 500;
}
