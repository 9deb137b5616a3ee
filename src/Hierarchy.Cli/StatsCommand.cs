using System.CommandLine;
using System.Globalization;
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
        var from = IsoDateOption.Create("--from", "start of the period (default: 30 days before --to)");
        var to = IsoDateOption.Create("--to", "end of the period, exclusive (default: now)");
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
            var until = parse.GetValue(to) ?? DateTimeOffset.Now;
            var (start, end) = (Timestamp.FromDateTimeOffset(parse.GetValue(from) ?? until.AddDays(-30)), Timestamp.FromDateTimeOffset(until));
            var own = await server.Stats().GetUnitStatsAsync(new GetUnitStatsRequest { UnitCode = parse.GetValue(unit)!, From = start, To = end }, options).ResponseAsync;
            var children = await server.Stats().RankChildrenAsync(new RankChildrenRequest { UnitCode = parse.GetValue(unit)!, From = start, To = end, By = parse.GetValue(by) }, options).ResponseAsync;
            Console.WriteLine(string.Join(' ', Columns.Select((c, i) => i == 0 ? DisplayWidth.PadRight(c.Title, c.Width) : DisplayWidth.PadLeft(c.Title, c.Width))));
            Console.WriteLine(Row(own));
            Console.WriteLine(new string('-', Columns.Sum(c => c.Width + 1) - 1));
            foreach (var child in children.Children)
            {
                Console.WriteLine(Row(child));
            }

            return 0;
        });
        return command;
    }

    private static readonly (string Title, int Width)[] Columns =
        [("unit", 30), ("received", 9), ("resolved", 9), ("解决率", 7), ("满意率", 7), ("响应率", 7), ("median h", 9), ("per 1000 hh", 12)];

    // A rate with nothing to divide by is no rate: "—", not 0 %.
    internal static string Row(UnitStats s)
    {
        var cells = new[]
        {
            s.Unit.Name,
            s.Received.ToString("N0", CultureInfo.CurrentCulture),
            s.Resolved.ToString("N0", CultureInfo.CurrentCulture),
            s.Received == 0 ? "—" : s.ResolutionRate.ToString("P0", CultureInfo.CurrentCulture),
            s.Rated == 0 ? "—" : s.SatisfactionRate.ToString("P0", CultureInfo.CurrentCulture),
            s.Received == 0 ? "—" : s.ResponseRate.ToString("P0", CultureInfo.CurrentCulture),
            s.Resolved == 0 ? "—" : (s.MedianSecondsToResolve / 3600.0).ToString("F1", CultureInfo.CurrentCulture),
            s.ComplaintsPerThousandHouseholds.ToString("F1", CultureInfo.CurrentCulture),
        };
        return string.Join(' ', cells.Select((c, i) => i == 0 ? DisplayWidth.PadRight(c, Columns[i].Width) : DisplayWidth.PadLeft(c, Columns[i].Width)));
    }
}
