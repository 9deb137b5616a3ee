namespace Hierarchy.Grains.Reorganization;

/// <summary>区: one district's reorganisation coordinator; keyed by the district's unit id.</summary>
public interface IDistrictTreeGrain : IGrainWithIntegerKey
{
    /// <summary>Applies a stored plan of this district, one plan at a time across the cluster.</summary>
    /// <param name="caller">The admin, as the token directory names it.</param>
    /// <param name="planId">The plan.</param>
    /// <param name="expectedVersion">The tree version the caller planned on.</param>
    Task<AppliedReorganization> ApplyAsync(string caller, long planId, long expectedVersion);
}
