namespace Hierarchy.Grains.Reorganization;

/// <summary>
/// One district's plans are applied one at a time, in this grain's turns, wherever in the cluster it lives: a retry that
/// waits behind the first attempt then finds the plan applied and answers with the version it made. The store's version
/// check inside the apply transaction is what refuses a plan made on a tree that another district's plan moved on.
/// </summary>
// Activated where an admin's apply arrives: that silo's read model is the one the answer's consistency token must cover.
[Orleans.Placement.PreferLocalPlacement]
public sealed class DistrictTreeGrain(IPlanApplier applier) : Grain, IDistrictTreeGrain
{
    /// <inheritdoc />
    public Task<AppliedReorganization> ApplyAsync(string caller, long planId, long expectedVersion) => applier.ApplyAsync(caller, planId, expectedVersion);
}
