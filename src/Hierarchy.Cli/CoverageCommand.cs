using System.CommandLine;
using System.Globalization;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Cli;

/// <summary><c>hierarchy coverage</c>: a unit's link coverage (联户覆盖率) as a table of its children, or as CSV.</summary>
internal static class CoverageCommand
{
    public static Command Create()
    {
        var connection = new ServerConnection();
        var unit = new Option<string>("--unit") { Description = "the unit's code, such as 110112004 (玉桥街道)", Required = true };
        var min = new Option<int>("--grid-min") { Description = "the fewest households a grid should hold", DefaultValueFactory = _ => 100 };
        var max = new Option<int>("--grid-max") { Description = "the most households a grid should hold", DefaultValueFactory = _ => 500 };
        var csv = new Option<FileInfo?>("--csv") { Description = "write the report as CSV to this file instead of printing a table" };
        var command = new Command("coverage", "Print households with and without a linked party member, members outside their kind's link policy, and grids outside a household range") { unit, min, max, csv };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var report = await server.Stats().GetLinkCoverageAsync(new GetLinkCoverageRequest
            {
                UnitCode = parse.GetValue(unit)!,
                GridMinHouseholds = parse.GetValue(min),
                GridMaxHouseholds = parse.GetValue(max),
            }, connection.Call(parse, cancellationToken)).ResponseAsync;
            if (parse.GetValue(csv) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, report.Csv, cancellationToken);
                Console.WriteLine($"{report.Total.Unit.Name}: {report.Children.Count} rows and the total written to {file.FullName}");
                return 0;
            }

            Console.WriteLine(DisplayWidth.PadRight("unit", 28) + "  households     linked  coverage  members  <5  >10  grids  small  large");
            foreach (var row in report.Children.Append(report.Total))
            {
                Console.WriteLine(DisplayWidth.PadRight(row.Unit.Name, 28) + string.Create(CultureInfo.InvariantCulture,
                    $"  {row.Households,10:N0} {row.Linked,10:N0} {row.Coverage,9:P1} {row.Members,8:N0} {row.MembersBelow,3} {row.MembersAbove,4} {row.Grids,6} {row.GridsBelow,6} {row.GridsAbove,6}"));
            }

            return 0;
        });
        return command;
    }
}
