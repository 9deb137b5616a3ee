using System.Diagnostics;
using Hierarchy.Import;
using Hierarchy.Server;
using Hierarchy.Server.Startup;

namespace Hierarchy.Bench.Resolve;

/// <summary>All of Beijing (16 districts, 7,535 real communities) with ~8 million synthesised households, imported once into a SQLite file.</summary>
internal static class BeijingDataset
{
    public static async Task EnsureAsync(StorageSettings storage)
    {
        await using var stores = await StorageFactory.OpenAsync(storage, CancellationToken.None);
        if (await stores.Tree.MaxUnitIdAsync(CancellationToken.None) != 0)
        {
            Console.WriteLine("dataset: reusing the Beijing import in the database");
            return;
        }

        var rows = ReadRows();
        var counties = rows.Where(r => r.Level == "county").Select(r => r.Code[..6]).ToList();
        var clock = Stopwatch.StartNew();
        var summary = await new HierarchyImporter(stores).ImportAsync(
            rows, counties, new SynthesisPlan(),
            new Progress<ImportProgress>(p => Console.Write($"\r  import: {p.Streets}/{p.TotalStreets} streets, {p.Households:N0} households   ")),
            CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine(
            $"dataset: imported {summary.Districts} districts, {summary.Streets} streets, {summary.Communities:N0} communities, " +
            $"{summary.Grids:N0} grids, {summary.BuildingGroups:N0} building groups, {summary.Households:N0} households, " +
            $"{summary.Members:N0} party members in {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static List<DivisionRow> ReadRows()
    {
        using var reader = DivisionsCsv.OpenShipped("beijing-11.csv");
        return [.. DivisionsCsv.Read(reader, "beijing-11.csv")];
    }
}
