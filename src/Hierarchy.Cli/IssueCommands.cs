using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Cli;

/// <summary><c>hierarchy issue report|list|escalate|queue|transfer</c>: the issue loop from a terminal, through a running server.</summary>
internal static class IssueCommands
{
    public static Command Create()
    {
        var command = new Command("issue", "Report, list and escalate issues on a running server");
        command.Subcommands.Add(Report());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Escalate());
        command.Subcommands.Add(Queue());
        command.Subcommands.Add(Transfer());
        return command;
    }

    private static Command Report()
    {
        var connection = new ServerConnection();
        var household = new Option<long>("--household") { Description = "the household the issue concerns", Required = true };
        var category = new Option<string>("--category")
        {
            Description = "a category of the responsibility list, such as sewage; left out, the dispatch centre confirms one",
            DefaultValueFactory = _ => string.Empty,
        };
        var description = new Option<string>("--description") { Description = "the citizen's words", Required = true };
        var channel = new Option<IssueChannel>("--channel") { Description = "hotline, wechat-group, …", DefaultValueFactory = _ => IssueChannel.Hotline };
        var requestId = new Option<string>("--request-id") { Description = "idempotency key; default: a new one", DefaultValueFactory = _ => Guid.NewGuid().ToString("N") };
        var command = new Command("report", "Report an issue; it is accepted and dispatched at once") { household, category, description, channel, requestId };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var options = connection.Call(parse, cancellationToken);
            var reported = await server.Issues().ReportIssueAsync(new ReportIssueRequest
            {
                RequestId = parse.GetValue(requestId)!,
                HouseholdId = parse.GetValue(household),
                Category = parse.GetValue(category)!,
                Channel = parse.GetValue(channel),
                Description = parse.GetValue(description)!,
            }, options).ResponseAsync;
            var accepted = await server.Issues().AcceptAsync(new IssueActionRequest { IssueId = reported.Issue.Id }, options).ResponseAsync;
            Print(accepted.Issue);
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var connection = new ServerConnection();
        var unit = new Option<string>("--unit") { Description = "the subtree's unit code, such as 110112121013", Required = true };
        var status = new Option<IssueStatus>("--status") { Description = "only issues in this status" };
        var command = new Command("list", "List the issues of a subtree") { unit, status };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            await PrintAllAsync(server, new ListIssuesRequest { UnitCode = parse.GetValue(unit)!, Status = parse.GetValue(status) }, connection.Call(parse, cancellationToken));
            return 0;
        });
        return command;
    }

    private static Command Queue()
    {
        var connection = new ServerConnection();
        var command = new Command("queue", "List the dispatch centre's queue: issues no category gave an owner, or handed back, waiting to be transferred");
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            await PrintAllAsync(server, new ListIssuesRequest { DispatchCentre = true }, connection.Call(parse, cancellationToken));
            return 0;
        });
        return command;
    }

    private static Command Transfer()
    {
        var connection = new ServerConnection();
        var id = new Option<long>("--id") { Description = "the issue", Required = true };
        var category = new Option<string>("--category") { Description = "the category confirmed (确权); required when the issue has none", DefaultValueFactory = _ => string.Empty };
        var unit = new Option<string>("--unit") { Description = "the new owner's unit code", DefaultValueFactory = _ => string.Empty };
        var department = new Option<string>("--department") { Description = "or the new owner's department code", DefaultValueFactory = _ => string.Empty };
        var reason = new Option<string>("--reason") { Description = "why this owner", Required = true };
        var command = new Command("transfer", "Confirm an owner and transfer an issue by hand (确权转派)") { id, category, unit, department, reason };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var reply = await server.Issues().TransferAsync(new TransferRequest
            {
                IssueId = parse.GetValue(id),
                Category = parse.GetValue(category)!,
                UnitCode = parse.GetValue(unit)!,
                DepartmentCode = parse.GetValue(department)!,
                Reason = parse.GetValue(reason)!,
            }, connection.Call(parse, cancellationToken)).ResponseAsync;
            Print(reply.Issue);
            return 0;
        });
        return command;
    }

    private static async Task PrintAllAsync(GrpcChannel server, ListIssuesRequest request, CallOptions options)
    {
        do
        {
            var page = await server.Issues().ListIssuesAsync(request, options).ResponseAsync;
            foreach (var issue in page.Issues)
            {
                Print(issue);
            }

            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
    }

    private static Command Escalate()
    {
        var connection = new ServerConnection();
        var id = new Option<long>("--id") { Description = "the issue", Required = true };
        var reason = new Option<string>("--reason") { Description = "why it goes one level up", Required = true };
        var command = new Command("escalate", "Hand an issue one step up its escalation chain") { id, reason };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var reply = await server.Issues().EscalateAsync(new EscalateRequest { IssueId = parse.GetValue(id), Reason = parse.GetValue(reason)! }, connection.Call(parse, cancellationToken)).ResponseAsync;
            Print(reply.Issue);
            return 0;
        });
        return command;
    }

    private static void Print(Issue issue) => Console.WriteLine(
        $"#{issue.Id,-8} {issue.Status,-11} {issue.Category,-20} owner {issue.Owner?.Name ?? "-",-24} due {issue.DueAt?.ToDateTimeOffset().ToLocalTime():yyyy-MM-dd HH:mm}  {issue.Description}");
}
