using Hierarchy.Domain.Responsibility;
using Hierarchy.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Grains.Responsibility;

/// <summary>
/// Applies responsibility list plans one at a time wherever it lives; the store refuses a plan made on a list that another
/// plan moved on, so two admins' plans cannot both take effect.
/// </summary>
// Activated where the admin's apply arrives: that silo's read model is the one the answer's consistency token must cover.
[Orleans.Placement.PreferLocalPlacement]
public sealed class ResponsibilityListGrain(
    IResponsibilityListStore lists, [FromKeyedServices(DomainClock.Key)] TimeProvider clock, ILogger<ResponsibilityListGrain> logger)
    : Grain, IResponsibilityListGrain
{
    /// <inheritdoc />
    public async Task<AppliedList> ApplyAsync(string caller, long planId)
    {
        var plan = await GrainBoundary.RunAsync(() => lists.GetPlanAsync(planId, CancellationToken.None), logger);
        if (plan.AppliedVersion is { } version)
        {
            return new AppliedList(version, plan.AppliedAt!.Value, AppliedNow: false);
        }

        var list = ResponsibilityListCsv.Parse(plan.DepartmentsCsv, plan.CategoriesCsv);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        var applied = await GrainBoundary.RunAsync(() => lists.ApplyAsync(planId, list, caller, at, CancellationToken.None), logger);
        return new AppliedList(applied, at, AppliedNow: true);
    }
}
