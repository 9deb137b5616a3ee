using System.CommandLine;
using System.Diagnostics;
using Hierarchy.Import;
using Hierarchy.Storage;

namespace Hierarchy.Cli;

/// <summary><c>hierarchy import</c>: loads counties from an NBS divisions CSV and synthesises grids, households and members.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var csv = new Option<FileInfo?>("--csv")
        {
            Description = "NBS divisions CSV (code,name,level,parent_code,urban_rural_code); default: the Beijing extract shipped inside",
        };
        var counties = new Option<string[]>("--county")
        {
            Description = "6-digit county code; repeat for several (e.g. --county 110112 --county 110105)",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var seed = new Option<int>("--seed") { Description = "seed of the synthesis", DefaultValueFactory = _ => new SynthesisPlan().Seed };
        var totalGrids = new Option<int?>("--total-grids") { Description = "spread this many grids evenly over the communities (Weidu had 620)" };
        var database = DatabaseOption.Create();
        var command = new Command("import", "Import real districts, streets and communities and synthesise the levels beneath them")
        {
            csv, counties, seed, totalGrids, database,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(csv);
            using var reader = file is null ? DivisionsCsv.OpenShipped("beijing-11.csv") : file.OpenText();
            await using var stores = await StoreSet.OpenAsync(DatabaseOption.Open(parse.GetValue(database)!), cancellationToken);
            var clock = Stopwatch.StartNew();
            var progress = new Progress<ImportProgress>(p =>
                Console.Error.Write($"\r  {p.Streets}/{p.TotalStreets} streets, {p.Households:N0} households, {p.Members:N0} members   "));
            var summary = await new HierarchyImporter(stores).ImportAsync(
                DivisionsCsv.Read(reader, file?.Name ?? "beijing-11.csv"), parse.GetValue(counties)!,
                new SynthesisPlan { Seed = parse.GetValue(seed), TotalGrids = parse.GetValue(totalGrids) }, progress, cancellationToken);
            Console.Error.WriteLine();
            Console.WriteLine(
                $"imported {summary.Districts} districts, {summary.Streets} streets, {summary.Communities} communities, {summary.Grids} grids, " +
                $"{summary.BuildingGroups} building groups, {summary.Households:N0} households, {summary.Members:N0} party members " +
                $"in {clock.Elapsed.TotalSeconds:F1} s; tree version {summary.TreeVersion}");
            return 0;
        });
        return command;
    }
}
