namespace Hierarchy.Grains.Reorganization;

/// <summary>Applies a stored plan to the tree: the work a district's coordinator does in its turn, on the silo it lives in.</summary>
public interface IPlanApplier
{
    /// <summary>Applies the plan if the tree is still at the version it was made on; a plan applied before answers what it made.</summary>
    /// <param name="caller">The admin, as the token directory names it.</param>
    /// <param name="planId">The plan.</param>
    /// <param name="expectedVersion">The tree version the caller planned on.</param>
    Task<AppliedReorganization> ApplyAsync(string caller, long planId, long expectedVersion);
}
