using System.CommandLine;
using Hierarchy.Cli;
using Hierarchy.Domain.Errors;
using Hierarchy.Storage;

var root = new RootCommand("hierarchy: the operator tool of the Hierarchy service")
{
    ImportCommand.Create(), IssueCommands.Create(), StatsCommand.Create(), ReorganizationCommands.Create(),
};
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is DomainException or StorageUnavailableException or Hierarchy.Grpc.Protocol.RpcException or ArgumentException or FormatException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
