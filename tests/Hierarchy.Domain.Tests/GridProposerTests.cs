using Hierarchy.Domain.Reorganization;

namespace Hierarchy.Domain.Tests;

public sealed class GridProposerTests
{
    [Theory]
    [InlineData(new long[] { 50, 50, 50, 50, 50, 50 }, 3, 100)]
    [InlineData(new long[] { 69, 10, 10, 10, 69 }, 2, 89)]
    [InlineData(new long[] { 30, 40, 50 }, 3, 50)]
    [InlineData(new long[] { 30, 40, 50 }, 1, 120)]
    public void The_largest_run_is_the_least_any_contiguous_cut_allows(long[] households, int runs, long largest) =>
        Assert.Equal(largest, GridProposer.LargestRun(households, runs));
}
