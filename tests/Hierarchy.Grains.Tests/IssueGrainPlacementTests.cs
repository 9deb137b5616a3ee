using Hierarchy.Domain.Issues;
using Hierarchy.Grains.Issues;
using Hierarchy.Testing;

namespace Hierarchy.Grains.Tests;

/// <summary>An issue's grain holds nothing the store does not: wherever Orleans puts it next, the loop carries on.</summary>
public sealed class IssueGrainPlacementTests
{
    [PostgresFact]
    public async Task An_issue_grain_migrated_to_another_silo_takes_the_next_step_from_the_stored_issue()
    {
        await using var grains = await GrainTestCluster.StartAsync(2);
        var reported = await grains.ReportAsync(21, "migrated");
        var grain = grains.Client.GetGrain<IIssueGrain>(reported.Id);
        var accepted = await grain.ActAsync(new IssueCommand(IssueAction.Accept, "service", reported.Version));
        Assert.True(grains.Cluster.TryGetGrainContext(grain.GetGrainId(), out var before));
        var elsewhere = grains.Cluster.Silos.Select(s => s.SiloAddress).First(s => !s.Equals(before.Address.SiloAddress));

        await grains.Cluster.MigrateAsync(grain, elsewhere);
        var started = await grain.ActAsync(new IssueCommand(IssueAction.StartWork, "service", accepted.Version));

        Assert.True(grains.Cluster.TryGetGrainContext(grain.GetGrainId(), out var after));
        Assert.Equal(elsewhere, after.Address.SiloAddress);
        Assert.Equal((IssueStatus.InProgress, accepted.Version + 1), (started.Status, started.Version));
    }
}
