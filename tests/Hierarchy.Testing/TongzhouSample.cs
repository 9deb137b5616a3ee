using Hierarchy.Import;
using Hierarchy.Storage;

namespace Hierarchy.Testing;

/// <summary>Real 北京市通州区 (110112: 22 streets, 656 communities) with a light synthesis beneath, for the issue stories.</summary>
public static class TongzhouSample
{
    /// <summary>Gets the county code.</summary>
    public const string County = "110112";

    /// <summary>Imports Tongzhou with 60–80 households per community.</summary>
    public static Task<ImportSummary> ImportAsync(StoreSet stores)
    {
        using var reader = DivisionsCsv.OpenShipped("beijing-11.csv");
        return new HierarchyImporter(stores).ImportAsync(
            DivisionsCsv.Read(reader, "beijing-11.csv").ToList(), [County], WeiduSample.SmallPlan, null, CancellationToken.None);
    }
}
