using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests;

/// <summary>Xuchang's Weidu district cut its 620 grids to 539: planned, checked, applied, and still answering for every household.</summary>
public sealed class WeiduReorganizationTests(WeiduGridsServer weidu) : IClassFixture<WeiduGridsServer>
{
    private const int Merges = 620 - 539;
    private readonly CallOptions _admin = WeiduServer.As("district-admin");

    [Fact]
    public async Task Merging_620_grids_into_539_plans_the_right_diff_applies_atomically_and_keeps_every_household_resolving()
    {
        var communities = weidu.GridsByCommunity().Where(g => g.Count() == 6).OrderBy(g => g.Key).Take(Merges).ToList();
        var request = new PlanReorganizationRequest();
        foreach (var grids in communities)
        {
            var ordered = grids.ToList();
            request.Changes.Add(new ReorganizationChange
            {
                MergeGrids = new MergeGrids { SourceGridIds = { ordered[5].Id }, TargetGridId = ordered[4].Id },
            });
        }

        var sources = communities.Select(g => g.ToList()[5].Id).ToHashSet();
        var movedGroups = weidu.Before.Units.Where(u => u.ParentId is { } p && sources.Contains(p)).Select(u => u.Id).ToHashSet();
        var movedHouseholds = movedGroups.Sum(g => (long)weidu.Server.State.Households.CountIn(g));
        var plan = await weidu.Channel.Admin().PlanReorganizationAsync(request, _admin).ResponseAsync;

        Assert.Equal((620, 539), (plan.GridsBefore, plan.GridsAfter));
        Assert.Equal(sources.Order(), plan.Retired.Select(r => r.UnitId).Order());
        Assert.Equal(movedGroups.Count, plan.BuildingGroupsMoved);
        Assert.Equal(movedHouseholds, plan.HouseholdsMoved);
        Assert.Equal(Merges, plan.Communities.Count);
        Assert.All(plan.Communities, c => Assert.Equal((6, 5), (c.GridsBefore, c.GridsAfter)));
        Assert.All(plan.Reparented, r => Assert.StartsWith(weidu.Before.Units.Single(u => u.Id == r.ParentAfter).Code, r.CodeAfter, StringComparison.Ordinal));
        Assert.Equal(weidu.Before.Version, weidu.Server.State.Tree.Version);

        var household = weidu.Server.State.Households;
        var movedHousehold = Enumerable.Range(1, (int)household.Count).Select(h => (long)h).First(h => movedGroups.Contains(household.BuildingGroupOf(h)));
        var before = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var applied = await weidu.Channel.Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, _admin).ResponseAsync;

        Assert.True(applied.AppliedNow);
        Assert.Equal(plan.BaseTreeVersion + 1, applied.TreeVersion);
        await AssertEveryHouseholdResolvesToAnActiveGridAsync(sources);

        var then = await ResolveAsync(new ResolveRequest { HouseholdId = movedHousehold, Category = "sewage", AsOf = before });
        var now = await ResolveAsync(new ResolveRequest { HouseholdId = movedHousehold, Category = "sewage" });
        Assert.Contains(then.Owner.Id, sources);
        Assert.DoesNotContain(now.Owner.Id, sources);
        Assert.Equal(now.Owner.ParentId, then.Owner.ParentId);

        var again = await weidu.Channel.Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = plan.PlanId, ExpectedTreeVersion = plan.BaseTreeVersion }, _admin).ResponseAsync;
        Assert.False(again.AppliedNow);
        Assert.Equal(applied.TreeVersion, again.TreeVersion);

        var history = await weidu.Channel.Admin().ListReorganizationsAsync(new ListReorganizationsRequest(), _admin).ResponseAsync;
        Assert.Equal((plan.PlanId, applied.TreeVersion, "admin:1"), (history.Reorganizations[0].PlanId, history.Reorganizations[0].TreeVersion, history.Reorganizations[0].AppliedBy));

        var gone = await weidu.Channel.Directory().GetUnitAsync(new GetUnitRequest { UnitId = then.Owner.Id }, _admin).ResponseAsync;
        Assert.True(gone.Unit.Retired);

        var retired = await weidu.Channel.Directory().GetAncestorsAsync(new GetAncestorsRequest { UnitId = then.Owner.Id, AsOf = before }, _admin).ResponseAsync;
        Assert.Equal(["411002"], retired.Ancestors.Take(1).Select(a => a.Code));
    }

    private async Task AssertEveryHouseholdResolvesToAnActiveGridAsync(HashSet<long> retired)
    {
        var count = weidu.Server.State.Households.Count;
        for (long first = 1; first <= count; first += 5_000)
        {
            var batch = new ResolveBatchRequest();
            for (var h = first; h < Math.Min(first + 5_000, count + 1); h++)
            {
                batch.Requests.Add(new ResolveRequest { HouseholdId = h, Category = "garbage" });
            }

            var answer = await weidu.Channel.Responsibility().ResolveBatchAsync(batch, _admin).ResponseAsync;
            Assert.All(answer.Results, r => Assert.Equal(0, r.ErrorCode));
            Assert.All(answer.Results, r => Assert.DoesNotContain(r.Resolution.Owner.Id, retired));
        }
    }

    private Task<Resolution> ResolveAsync(ResolveRequest request) => weidu.Channel.Responsibility().ResolveAsync(request, _admin).ResponseAsync;
}
