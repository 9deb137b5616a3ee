using System.CommandLine;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Cli;

/// <summary><c>hierarchy issue report|list|escalate</c>: the issue loop from a terminal, through a running server.</summary>
internal static class IssueCommands
{
    public static Command Create()
    {
        var command = new Command("issue", "Report, list and escalate issues on a running server");
        command.Subcommands.Add(Report());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Escalate());
        return command;
    }

    private static Command Report()
    {
        var connection = new ServerConnection();
        var household = new Option<long>("--household") { Description = "the household the issue concerns", Required = true };
        var category = new Option<string>("--category") { Description = "a category of the responsibility matrix, such as sewage", Required = true };
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
            var token = string.Empty;
            do
            {
                var page = await server.Issues().ListIssuesAsync(new ListIssuesRequest
                {
                    UnitCode = parse.GetValue(unit)!,
                    Status = parse.GetValue(status),
                    PageToken = token,
                }, connection.Call(parse, cancellationToken)).ResponseAsync;
                foreach (var issue in page.Issues)
                {
                    Print(issue);
                }

                token = page.NextPageToken;
            }
            while (token.Length > 0);
            return 0;
        });
        return command;
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
