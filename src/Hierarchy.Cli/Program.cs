using System.CommandLine;
using Grpc.Core;
using Hierarchy.Cli;
using Hierarchy.Domain.Errors;
using Hierarchy.Storage;

var root = new RootCommand("hierarchy: the operator tool of the Hierarchy service")
{
    ImportCommand.Create(), IssueCommands.Create(), StatsCommand.Create(), ReorganizationCommands.Create(), ResponsibilityCommands.Create(), MonthlyReportCommand.Create(), CoverageCommand.Create(), OrganizationCommands.Create(),
};
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (RpcException e)
{
    Console.Error.WriteLine($"error: {e.StatusCode}: {e.Status.Detail}");
    return 1;
}
catch (Exception e) when (e is DomainException or StorageUnavailableException or ArgumentException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
