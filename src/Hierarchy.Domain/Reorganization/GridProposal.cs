namespace Hierarchy.Domain.Reorganization;

/// <summary>What a proposer suggests: the changes for the planner, and how even the grids come out.</summary>
/// <param name="Changes">Gets the merges and moves, in the order the planner applies them.</param>
/// <param name="GridsBefore">Gets how many grids the scope has now.</param>
/// <param name="GridsAfter">Gets how many it would have.</param>
/// <param name="Largest">Gets the households of the largest proposed grid (by the weight asked for).</param>
/// <param name="Smallest">Gets those of the smallest.</param>
/// <param name="Mean">Gets the mean over the proposed grids.</param>
public sealed record GridProposal(
    IReadOnlyList<ReorganizationChange> Changes, int GridsBefore, int GridsAfter, long Largest, long Smallest, double Mean)
{
    /// <summary>Gets how far the largest grid is above the mean, as a fraction of it (0.15 is 15% above).</summary>
    public double LargestOverMean => Mean == 0 ? 0 : (Largest / Mean) - 1;
}
