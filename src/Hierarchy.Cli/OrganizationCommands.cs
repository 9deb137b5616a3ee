using System.CommandLine;
using System.Globalization;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Cli;

/// <summary><c>hierarchy organization list|report</c>: a unit's zones and property companies, and a company's month.</summary>
internal static class OrganizationCommands
{
    public static Command Create() => new("organization", "Zones (片区), property companies and committees") { List(), Report() };

    private static Command List()
    {
        var connection = new ServerConnection();
        var unit = new Option<string>("--unit") { Description = "the unit's code, such as 110112004 (玉桥街道)", Required = true };
        var command = new Command("list", "List the organisations attached in a unit's subtree, or over it") { unit };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var listed = await server.Organizations().ListOrganizationsAsync(
                new ListOrganizationsRequest { UnitCode = parse.GetValue(unit)! }, connection.Call(parse, cancellationToken)).ResponseAsync;
            foreach (var o in listed.Organizations)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{o.Id,5}  {DisplayWidth.PadRight(o.Kind.ToString(), 28)}  {DisplayWidth.PadRight(o.Name, 24)}  {o.Contact} {o.Phone}  [{string.Join(',', o.Categories)}]  {string.Join(' ', o.Units.Select(u => u.Code))}"));
            }

            return 0;
        });
        return command;
    }

    private static Command Report()
    {
        var connection = new ServerConnection();
        var id = new Option<long>("--id") { Description = "the organisation's id", Required = true };
        var month = new Option<string>("--month") { Description = "the month, yyyy-MM, such as 2026-11", Required = true };
        var command = new Command("report", "Print a property company's or committee's month: received first, handed on, resolved itself, evaluations and score") { id, month };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var r = await server.Organizations().GetOrganizationReportAsync(
                new GetOrganizationReportRequest { OrganizationId = parse.GetValue(id), Month = parse.GetValue(month)! }, connection.Call(parse, cancellationToken)).ResponseAsync;
            Console.WriteLine($"{r.Organization.Name} ({r.Organization.Kind}), {r.Month}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"received {r.Received}, handed on {r.HandedOn}, resolved itself {r.ResolvedItself}, late {r.Late}, satisfied {r.Satisfied}/{r.Rated}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"evaluations {r.Evaluations.Count} (mean {r.EvaluationMean:0.#}), branch weight {r.BranchWeight:P0}, score {(r.Scored ? r.Score.ToString("0.#", CultureInfo.InvariantCulture) : "none")}"));
            foreach (var record in r.Records)
            {
                Console.WriteLine($"  {record.At.ToDateTimeOffset():yyyy-MM-dd} {record.Kind} {record.By} {record.Note}");
            }

            return 0;
        });
        return command;
    }
}
