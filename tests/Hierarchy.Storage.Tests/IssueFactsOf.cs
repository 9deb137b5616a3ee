using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Storage.Tests;

/// <summary>Routes a hotline report about a real household as the server would, for store tests that need an issue.</summary>
internal static class IssueFactsOf
{
    public static async Task<IssueFacts> HouseholdAsync(StoreSet stores, long householdId, string category, string requestId)
    {
        var state = await stores.Tree.LoadAsync(CancellationToken.None);
        var tree = state.Snapshot();
        var household = await stores.Households.GetAsync(householdId, CancellationToken.None);
        Assert.True(tree.TryIndexOf(household.BuildingGroupId, out var place));
        var resolution = ResponsibilityResolver.Resolve(tree, place, category);
        return IssueRouting.Facts(tree, resolution, 0, requestId, IssueChannel.Hotline, "测试诉求", householdId);
    }
}
