namespace Hierarchy.Cli.Tests;

public sealed class MergeCsvTests
{
    [Fact]
    public void The_shipped_example_is_read_as_two_merges_within_their_communities()
    {
        var example = new FileInfo(Path.Combine(Repository.Root, "examples", "reorg", "tongzhou-merges.csv"));

        var merges = ReorganizationCommands.ReadMerges(example).ToList();

        Assert.Equal([("110112001006004", "110112001006003", false, 2), ("110112001012004", "110112001012003", false, 3)], merges);
    }

    [Fact]
    public void A_cross_community_flag_that_is_not_true_or_false_is_refused_naming_the_line()
    {
        var file = new FileInfo(Path.GetTempFileName());
        File.WriteAllText(file.FullName, "source_grid,target_grid,allow_cross_community\n110112001006004,110112001006003,yes\n");
        try
        {
            var error = Assert.Throws<ArgumentException>(() => ReorganizationCommands.ReadMerges(file).ToList());

            Assert.EndsWith("line 2: allow_cross_community must be true or false, not 'yes'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            file.Delete();
        }
    }
}
