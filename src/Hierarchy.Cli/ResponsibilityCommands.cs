using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Cli;

/// <summary><c>hierarchy responsibility export|plan|apply|history</c>: the 职责清单 as two CSV files, edited, reviewed as a diff, then applied.</summary>
internal static class ResponsibilityCommands
{
    private const string DepartmentsFile = "departments.csv";
    private const string CategoriesFile = "categories.csv";

    public static Command Create()
    {
        var command = new Command("responsibility", "Export the responsibility list as CSV, plan an edited one, apply it, show its history");
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Plan());
        command.Subcommands.Add(Apply());
        command.Subcommands.Add(History());
        return command;
    }

    private static Command Export()
    {
        var connection = new ServerConnection();
        var directory = new Option<DirectoryInfo>("--out") { Description = $"the directory to write {DepartmentsFile} and {CategoriesFile} to", Required = true };
        var asOf = IsoDateOption.Create("--as-of", "the list as it was at this time (default: the list in force)");
        var command = new Command("export", "Write the responsibility list as the two CSV files an admin edits") { directory, asOf };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var request = new ExportResponsibilityListRequest { AsOf = parse.GetValue(asOf) is { } at ? Timestamp.FromDateTimeOffset(at) : null };
            var files = await server.Responsibility().ExportResponsibilityListAsync(request, connection.Call(parse, cancellationToken)).ResponseAsync;
            var target = parse.GetValue(directory)!;
            target.Create();
            await File.WriteAllTextAsync(Path.Combine(target.FullName, DepartmentsFile), files.DepartmentsCsv, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(target.FullName, CategoriesFile), files.CategoriesCsv, cancellationToken);
            Console.WriteLine($"list version {files.ListVersion} written to {target.FullName}");
            return 0;
        });
        return command;
    }

    private static Command Plan()
    {
        var connection = new ServerConnection();
        var directory = new Option<DirectoryInfo>("--from") { Description = $"the directory holding the edited {DepartmentsFile} and {CategoriesFile}", Required = true };
        var command = new Command("plan", "Check an edited list and print what it changes; nothing changes until apply") { directory };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var source = parse.GetValue(directory)!;
            var request = new PlanResponsibilityListRequest
            {
                DepartmentsCsv = await File.ReadAllTextAsync(Path.Combine(source.FullName, DepartmentsFile), cancellationToken),
                CategoriesCsv = await File.ReadAllTextAsync(Path.Combine(source.FullName, CategoriesFile), cancellationToken),
            };
            var plan = await server.Admin().PlanResponsibilityListAsync(request, connection.Call(parse, cancellationToken)).ResponseAsync;
            Console.WriteLine($"plan {plan.PlanId} on list version {plan.BaseListVersion}: {plan.Summary}");
            foreach (var difference in plan.Differences)
            {
                Console.WriteLine($"  {difference.Kind,-8} {difference.Subject} {difference.Code}");
                foreach (var change in difference.Changes)
                {
                    Console.WriteLine($"           {change}");
                }
            }

            Console.WriteLine($"apply with: dotnet run --project src/Hierarchy.Cli -- responsibility apply --plan {plan.PlanId} --server {parse.GetValue(connection.Server)}");
            return 0;
        });
        return command;
    }

    private static Command Apply()
    {
        var connection = new ServerConnection();
        var plan = new Option<long>("--plan") { Description = "the plan id", Required = true };
        var command = new Command("apply", "Put a planned list in force; refused if the list changed since the plan") { plan };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var applied = await server.Admin().ApplyResponsibilityListAsync(
                new ApplyResponsibilityListRequest { PlanId = parse.GetValue(plan) }, connection.Call(parse, cancellationToken)).ResponseAsync;
            Console.WriteLine(applied.AppliedNow
                ? $"applied: list version {applied.ListVersion}, effective {applied.EffectiveAt.ToDateTimeOffset().ToLocalTime():u}"
                : $"plan was applied before, as list version {applied.ListVersion}; nothing changed");
            return 0;
        });
        return command;
    }

    private static Command History()
    {
        var connection = new ServerConnection();
        var command = new Command("history", "List the responsibility list's versions, newest first");
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var history = await server.Admin().ListResponsibilityListVersionsAsync(new ListResponsibilityListVersionsRequest(), connection.Call(parse, cancellationToken)).ResponseAsync;
            foreach (var v in history.Versions)
            {
                Console.WriteLine($"version {v.ListVersion,-6} {v.EffectiveAt?.ToDateTimeOffset().ToLocalTime():u}  by {v.ChangedBy}: {v.Summary}");
            }

            return 0;
        });
        return command;
    }
}
