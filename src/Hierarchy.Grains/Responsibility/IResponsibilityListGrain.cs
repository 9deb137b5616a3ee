namespace Hierarchy.Grains.Responsibility;

/// <summary>职责清单: the single writer of the responsibility list; one in the cluster, key 0.</summary>
public interface IResponsibilityListGrain : IGrainWithIntegerKey
{
    /// <summary>Puts a planned list in force, one plan at a time; a plan applied before answers the version it made.</summary>
    Task<AppliedList> ApplyAsync(string caller, long planId);
}
