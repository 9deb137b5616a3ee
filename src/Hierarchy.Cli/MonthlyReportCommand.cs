using System.CommandLine;
using System.Globalization;
using Hierarchy.Domain.Errors;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Cli;

/// <summary><c>hierarchy monthly-report</c>: a unit's month (月度通报) as a table of its children and the departments its issues reached, or as CSV.</summary>
internal static class MonthlyReportCommand
{
    private static readonly (string Title, int Width, Func<MonthlyReportRow, string> Value)[] Columns =
    [
        ("received", 8, r => N(r.Received)), ("on time", 7, r => N(r.ResolvedOnTime)), ("late", 5, r => N(r.Late)),
        ("open", 5, r => N(r.Unresolved)), ("reply late", 10, r => N(r.RepliesOverdue)), ("unexplained", 11, r => N(r.ExplanationsMissing)),
        ("whistles", 8, r => N(r.Whistles)), ("improper", 8, r => N(r.ImproperWhistles)), ("late rpt", 8, r => N(r.LateReports)),
        ("no rpt", 6, r => N(r.NotReported)), ("orders", 6, r => N(r.SupervisionOrders)),
        ("satisfied", 9, r => r.SatisfactionRate.ToString("P0", CultureInfo.InvariantCulture)), ("score", 6, r => r.Score.ToString("0.#", CultureInfo.InvariantCulture)),
    ];

    public static Command Create()
    {
        var connection = new ServerConnection();
        var unit = new Option<string>("--unit") { Description = "the unit's code, such as 110112004 (玉桥街道)", Required = true };
        var month = new Option<string>("--month") { Description = "the month, yyyy-MM, such as 2026-11", Required = true };
        var csv = new Option<FileInfo?>("--csv") { Description = "write the report as CSV to this file instead of printing a table" };
        var command = new Command("monthly-report", "Print a unit's monthly report: its children and the departments its issues reached, scored") { unit, month, csv };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(month)!;
            if (!DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                throw new ArgumentException($"--month '{Quote.Prefix(text, 16)}' is not yyyy-MM, such as 2026-11");
            }

            using var server = connection.Open(parse);
            var report = await server.Supervision().GetMonthlyReportAsync(
                new GetMonthlyReportRequest { UnitCode = parse.GetValue(unit)!, Year = first.Year, Month = first.Month }, connection.Call(parse, cancellationToken)).ResponseAsync;
            if (parse.GetValue(csv) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, report.Csv, cancellationToken);
                Console.WriteLine($"{report.Unit.Name} {report.Month}: {report.Units.Count} units and {report.Departments.Count} departments written to {file.FullName}");
                return 0;
            }

            Console.WriteLine($"{report.Unit.Name} {report.Month}");
            Print("unit", report.Units);
            Console.WriteLine();
            Print("department", report.Departments);
            return 0;
        });
        return command;
    }

    private static void Print(string title, IEnumerable<MonthlyReportRow> rows)
    {
        Console.WriteLine(DisplayWidth.PadRight(title, 28) + string.Concat(Columns.Select(c => " " + DisplayWidth.PadLeft(c.Title, c.Width))));
        foreach (var row in rows)
        {
            Console.WriteLine(DisplayWidth.PadRight(row.Name, 28) + string.Concat(Columns.Select(c => " " + DisplayWidth.PadLeft(c.Value(row), c.Width))));
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
