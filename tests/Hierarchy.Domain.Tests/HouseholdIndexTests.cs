using Hierarchy.Domain.Errors;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.Tests;

public sealed class HouseholdIndexTests
{
    [Fact]
    public void A_household_far_past_the_first_chunk_is_found()
    {
        var index = new HouseholdIndex();

        index.SetBuildingGroup(8_000_123, TongzhouTree.Building1);

        Assert.Equal(TongzhouTree.Building1, index.BuildingGroupOf(8_000_123));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void An_unknown_household_is_not_found() =>
        Assert.Throws<NotFoundException>(() => new HouseholdIndex().BuildingGroupOf(42));
}
