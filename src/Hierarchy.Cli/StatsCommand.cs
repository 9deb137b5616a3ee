using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Cli;

/// <summary><c>hierarchy stats</c>: a unit's figures and its children ranked worst first, as a table.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var connection = new ServerConnection();
        var unit = new Option<string>("--unit") { Description = "the unit's code, such as 110112121", Required = true };
        var from = new Option<DateTimeOffset>("--from") { Description = "start of the period", DefaultValueFactory = _ => DateTimeOffset.Now.AddDays(-30) };
        var to = new Option<DateTimeOffset>("--to") { Description = "end of the period (exclusive)", DefaultValueFactory = _ => DateTimeOffset.Now };
        var by = new Option<RankBy>("--rank") { Description = "rank the children by this", DefaultValueFactory = _ => RankBy.ComplaintVolume };
        var command = new Command("stats", "Print a unit's resolution, satisfaction and response rates and rank its children, worst first")
        {
            unit, from, to, by,
        };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var options = connection.Call(parse, cancellationToken);
            var (start, end) = (Timestamp.FromDateTimeOffset(parse.GetValue(from)), Timestamp.FromDateTimeOffset(parse.GetValue(to)));
            var own = await server.Stats().GetUnitStatsAsync(new GetUnitStatsRequest { UnitCode = parse.GetValue(unit)!, From = start, To = end }, options).ResponseAsync;
            var children = await server.Stats().RankChildrenAsync(new RankChildrenRequest { UnitCode = parse.GetValue(unit)!, From = start, To = end, By = parse.GetValue(by) }, options).ResponseAsync;
            Console.WriteLine($"{"unit",-28} {"received",9} {"resolved",9} {"解决率",7} {"满意率",7} {"响应率",7} {"median h",9} {"per 1000 hh",12}");
            Row(own);
            Console.WriteLine(new string('-', 100));
            foreach (var child in children.Children)
            {
                Row(child);
            }

            return 0;
        });
        return command;
    }

    private static void Row(UnitStats s) => Console.WriteLine(
        $"{s.Unit.Name,-28} {s.Received,9:N0} {s.Resolved,9:N0} {s.ResolutionRate,8:P0} {s.SatisfactionRate,8:P0} {s.ResponseRate,8:P0} " +
        $"{s.MedianSecondsToResolve / 3600.0,9:F1} {s.ComplaintsPerThousandHouseholds,12:F1}");
}
