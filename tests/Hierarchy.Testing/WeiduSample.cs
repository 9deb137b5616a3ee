using Hierarchy.Import;
using Hierarchy.Storage;

namespace Hierarchy.Testing;

/// <summary>Real 许昌市魏都区 (411002: 15 streets, 104 communities) with a light synthesis beneath, for store and service tests.</summary>
public static class WeiduSample
{
    /// <summary>Gets the county code.</summary>
    public const string County = "411002";

    /// <summary>Gets a plan small enough for fast tests: 60–80 households per community, one grid each.</summary>
    public static SynthesisPlan SmallPlan { get; } = new() { MinHouseholdsPerCommunity = 60, MaxHouseholdsPerCommunity = 80 };

    /// <summary>Imports Weidu into the stores.</summary>
    public static Task<ImportSummary> ImportAsync(StoreSet stores, SynthesisPlan? plan = null)
    {
        using var reader = DivisionsCsv.OpenShipped("weidu-411002.csv");
        return new HierarchyImporter(stores).ImportAsync(
            DivisionsCsv.Read(reader, "weidu-411002.csv").ToList(), [County], plan ?? SmallPlan, null, CancellationToken.None);
    }
}
