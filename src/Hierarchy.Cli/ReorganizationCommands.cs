using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Cli;

/// <summary><c>hierarchy reorg plan|propose|apply|list</c>: grid merges from a CSV, the diff to read, then an atomic apply.</summary>
internal static class ReorganizationCommands
{
    private const string Header = "source_grid,target_grid,allow_cross_community";

    public static Command Create()
    {
        var command = new Command("reorg", "Plan grid merges from a CSV, apply a plan, list what was applied");
        command.Subcommands.Add(Plan());
        command.Subcommands.Add(Propose());
        command.Subcommands.Add(Apply());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Plan()
    {
        var connection = new ServerConnection();
        var csv = new Option<FileInfo>("--csv")
        {
            Description = $"merges, one a line of grid codes under the header {Header} (the last column true or false, optional); see examples/reorg/tongzhou-merges.csv",
            Required = true,
        };
        var command = new Command("plan", "Plan the merges of a CSV and print the diff; nothing changes until apply") { csv };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var options = connection.Call(parse, cancellationToken);
            var request = new PlanReorganizationRequest();
            foreach (var (source, target, cross, line) in ReadMerges(parse.GetValue(csv)!))
            {
                request.Changes.Add(new ReorganizationChange
                {
                    MergeGrids = new MergeGrids
                    {
                        SourceGridIds = { await IdAsync(server, source, line, options) },
                        TargetGridId = await IdAsync(server, target, line, options),
                        AllowCrossCommunity = cross,
                    },
                });
            }

            var plan = await server.Admin().PlanReorganizationAsync(request, options).ResponseAsync;
            Console.WriteLine($"plan {plan.PlanId} on tree version {plan.BaseTreeVersion}: grids {plan.GridsBefore} → {plan.GridsAfter}, " +
                $"{plan.Retired.Count} retired, {plan.BuildingGroupsMoved} building groups and {plan.HouseholdsMoved:N0} households change grid, " +
                $"{plan.MembersMoved.Count} members move, {plan.PositionsVacated.Count} positions vacated, {plan.IssuesRerouted.Count} open issues re-routed");
            foreach (var community in plan.Communities)
            {
                Console.WriteLine($"  {DisplayWidth.PadRight(community.Community?.Name ?? string.Empty, 24)} grids {community.GridsBefore} → {community.GridsAfter}, building groups {community.BuildingGroupsBefore} → {community.BuildingGroupsAfter}");
            }

            foreach (var warning in plan.Warnings)
            {
                Console.WriteLine($"  warning: {warning}");
            }

            Console.WriteLine($"apply with: dotnet run --project src/Hierarchy.Cli -- reorg apply --plan {plan.PlanId} --expected-version {plan.BaseTreeVersion}" +
                $" --server {parse.GetValue(connection.Server)}");
            return 0;
        });
        return command;
    }

    private static Command Propose()
    {
        var connection = new ServerConnection();
        var unit = new Option<string>("--unit") { Description = "the community, street or district code, such as 411002 (魏都区)", Required = true };
        var grids = new Option<int>("--grids") { Description = "how many grids it should have", Required = true };
        var openIssues = new Option<int>("--households-per-open-issue")
        {
            Description = "balance open-issue load too: each open issue weighs as this many households (default 0: households only)",
        };
        var command = new Command("propose", "Propose balanced grids for a unit (merges and moves within communities) and plan them; nothing changes until apply")
        {
            unit, grids, openIssues,
        };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var proposal = await server.Admin().ProposeReorganizationAsync(
                new ProposeReorganizationRequest
                {
                    UnitCode = parse.GetValue(unit)!,
                    TargetGrids = parse.GetValue(grids),
                    HouseholdsPerOpenIssue = parse.GetValue(openIssues),
                },
                connection.Call(parse, cancellationToken)).ResponseAsync;
            var plan = proposal.Plan;
            Console.WriteLine($"plan {plan.PlanId} on tree version {plan.BaseTreeVersion}: grids {plan.GridsBefore} → {plan.GridsAfter}, " +
                $"{plan.Created.Count} created, {plan.Retired.Count} retired, {plan.BuildingGroupsMoved} building groups and {plan.HouseholdsMoved:N0} households change grid");
            Console.WriteLine($"{(parse.GetValue(openIssues) > 0 ? "load (households and weighted open issues)" : "households")} per grid: largest {proposal.LargestHouseholds}, smallest {proposal.SmallestHouseholds}, mean {proposal.MeanHouseholds:F1} " +
                $"(largest {proposal.LargestOverMean:P1} over the mean)");
            Console.WriteLine($"apply with: dotnet run --project src/Hierarchy.Cli -- reorg apply --plan {plan.PlanId} --expected-version {plan.BaseTreeVersion}" +
                $" --server {parse.GetValue(connection.Server)}");
            return 0;
        });
        return command;
    }

    private static Command Apply()
    {
        var connection = new ServerConnection();
        var plan = new Option<long>("--plan") { Description = "the plan id", Required = true };
        var version = new Option<long>("--expected-version") { Description = "the tree version the plan was made on", Required = true };
        var command = new Command("apply", "Apply a plan in one transaction; refused if the tree changed since the plan") { plan, version };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var applied = await server.Admin().ApplyReorganizationAsync(new ApplyReorganizationRequest { PlanId = parse.GetValue(plan), ExpectedTreeVersion = parse.GetValue(version) }, connection.Call(parse, cancellationToken)).ResponseAsync;
            Console.WriteLine(applied.AppliedNow
                ? $"applied: tree version {applied.TreeVersion}, effective {applied.EffectiveAt.ToDateTimeOffset().ToLocalTime():u}"
                : $"plan was applied before, as tree version {applied.TreeVersion}; nothing changed");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var connection = new ServerConnection();
        var command = new Command("list", "List applied reorganisations, newest first");
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var server = connection.Open(parse);
            var list = await server.Admin().ListReorganizationsAsync(new ListReorganizationsRequest(), connection.Call(parse, cancellationToken)).ResponseAsync;
            foreach (var r in list.Reorganizations)
            {
                Console.WriteLine($"version {r.TreeVersion,-6} {r.EffectiveAt?.ToDateTimeOffset().ToLocalTime():u}  plan {r.PlanId} by {r.AppliedBy}: {r.Summary}");
            }

            return 0;
        });
        return command;
    }

    internal static IEnumerable<(string Source, string Target, bool Cross, int Line)> ReadMerges(FileInfo file)
    {
        using var reader = file.OpenText();
        var header = reader.ReadLine();
        if (header is null || !Header.StartsWith(header.Trim(), StringComparison.Ordinal) || !header.StartsWith("source_grid,target_grid", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{file.Name} must start with the header {Header} (the last column is optional)");
        }

        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length is < 2 or > 3)
            {
                throw new ArgumentException($"{file.Name} line {number}: expected {Header}, got '{line}'");
            }

            var cross = fields.Length == 3 ? fields[2].Trim() : "false";
            if (!bool.TryParse(cross, out var allowCross))
            {
                throw new ArgumentException($"{file.Name} line {number}: allow_cross_community must be true or false, not '{(cross.Length > 16 ? cross[..16] + "…" : cross)}'");
            }

            yield return (fields[0].Trim(), fields[1].Trim(), allowCross, number);
        }
    }

    private static async Task<long> IdAsync(GrpcChannel server, string code, int line, CallOptions options)
    {
        try
        {
            return (await server.Directory().GetUnitAsync(new GetUnitRequest { UnitCode = code }, options).ResponseAsync).Unit.Id;
        }
        catch (RpcException e)
        {
            throw new ArgumentException($"line {line}: grid {code}: {e.Status.Detail}");
        }
    }
}
