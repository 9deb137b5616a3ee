using Hierarchy.Import;
using Hierarchy.Storage;

namespace Hierarchy.Server.Startup;

/// <summary>The sample a newcomer gets on an empty database: 北京市通州区 (110112) with synthesised grids, households and members.</summary>
public static class SampleData
{
    /// <summary>Gets the county the sample covers.</summary>
    public const string County = "110112";

    /// <summary>
    /// Gives an SQLite database with no units the sample, all or nothing: it is loaded into a file beside the database and
    /// moved into place once complete, so a load cut short (Ctrl-C) leaves no half-loaded database, and the next start
    /// loads it again from the beginning. Returns what was imported, or null when the database already held units.
    /// </summary>
    public static async Task<ImportSummary?> LoadIntoSqliteFileAsync(StorageSettings storage, ILogger logger, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(storage.ConnectionString).DataSource);
        if (File.Exists(path))
        {
            await using var existing = await StorageFactory.OpenAsync(storage, cancellationToken);
            if (await existing.Tree.MaxUnitIdAsync(cancellationToken) != 0)
            {
                return null;
            }
        }

        var loading = path + ".loading";
        // A fresh clone has no data folder: the default database's is made here, before the files beside it are touched.
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Pooled connections would keep writing to a file deleted under them: every one is closed before files change.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        DeleteWithJournal(loading);
        ImportSummary? summary;
        try
        {
            await using var stores = await StorageFactory.OpenAsync(StorageSettings.Parse(loading), cancellationToken);
            summary = await LoadIfEmptyAsync(stores, logger, cancellationToken);
            // Everything into the main file, so moving that one file moves the whole database.
            await stores.Database.RunAsync(c => Storage.Providers.Sql.ExecuteAsync(c, null, "PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken),
                cancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        DeleteWithJournal(path);
        File.Move(loading, path);
        DeleteWithJournal(loading);
        return summary;
    }

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

    private static void DeleteWithJournal(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
