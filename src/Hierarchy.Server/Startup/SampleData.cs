using Hierarchy.Import;
using Hierarchy.Storage;

namespace Hierarchy.Server.Startup;

/// <summary>The sample a newcomer gets on an empty database: 北京市通州区 (110112) with synthesised grids, households and members.</summary>
public static class SampleData
{
    /// <summary>Gets the county the sample covers.</summary>
    public const string County = "110112";

    /// <summary>Imports the sample when the database holds no units; returns what was imported, or null when nothing was.</summary>
    public static async Task<ImportSummary?> LoadIfEmptyAsync(StoreSet stores, ILogger logger, CancellationToken cancellationToken)
    {
        if (await stores.Tree.MaxUnitIdAsync(cancellationToken) != 0)
        {
            return null;
        }

        logger.LogInformation("Empty database: loading the sample, 北京市通州区 ({County}) with synthesised grids and households", County);
        using var reader = DivisionsCsv.OpenShipped("beijing-11.csv");
        var progress = new Progress<ImportProgress>(p =>
        {
            if (p.Streets % 5 == 0 || p.Streets == p.TotalStreets)
            {
                logger.LogInformation("  sample: {Streets}/{Total} streets, {Households:N0} households", p.Streets, p.TotalStreets, p.Households);
            }
        });
        return await new HierarchyImporter(stores).ImportAsync(
            DivisionsCsv.Read(reader, "beijing-11.csv"), [County], new SynthesisPlan(), progress, cancellationToken);
    }
}
