namespace Hierarchy.Grains.Sweeps;

/// <summary>One partition's sweeper of due issues, kept alive in the cluster by a reminder; keyed by partition index.</summary>
public interface IEscalationSweeperGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the sweeper runs: registers its reminder and starts its timer, if not done yet.</summary>
    Task StartAsync();

    /// <summary>Sweeps the partition now; returns how many issues moved.</summary>
    Task<int> SweepNowAsync();

    /// <summary>Gets what this partition's sweepers have done, wherever they ran.</summary>
    Task<SweepRecord> GetRecordAsync();
}
