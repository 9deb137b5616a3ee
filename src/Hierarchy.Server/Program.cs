using System.Diagnostics;
using Hierarchy.Server;
using Hierarchy.Server.Cluster;
using Hierarchy.Server.Startup;

ServerSettings settings;
try
{
    settings = CommandLine.Parse(args, Environment.GetEnvironmentVariable);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

var started = Stopwatch.StartNew();
HierarchyServer server;
try
{
    server = await HierarchyServer.StartAsync(settings);
}
catch (Exception e) when (StartupFailure.Describe(e, settings) is { } line)
{
    Console.Error.WriteLine($"error: {line}");
    return 1;
}

await using var running = server;
var state = server.State;
var tryIt = state.Households.Count > 0
    ? $"/usr/bin/python3 examples/python/resolve.py {server.Address.Authority}"
    : "the database is empty: import a county first, such as `dotnet run --project src/Hierarchy.Cli -- import --county 110112`";
var http = server.HttpAddress is { } web
    ? $"""

      console:  {web} (sign in with demo-admin)
      http:     JSON at {web}v1/… and gRPC-Web over HTTP/1.1 (both also over h2c on the gRPC port), OpenAPI at {web}openapi/, Open311 at {web}open311/v2/discovery.json
      curl:     curl -H 'Authorization: Bearer demo-service' '{web}v1/resolve?householdId=644459&category=sewage'
    """
    : string.Empty;
var dashboard = settings.DashboardListen is { } board ? $"; Orleans Dashboard at http://{board}/" : string.Empty;
Console.WriteLine($"""

    Hierarchy is serving gRPC over HTTP/2 at {server.Address} ({(server.Address.Scheme == "http" ? "cleartext h2c" : "TLS")}), ready in {started.Elapsed.TotalSeconds:F1} s.
      storage:  {settings.Storage}
      silo:     {server.Silo} in Orleans cluster '{HierarchySilo.ClusterId}', {server.ActiveSilos.Count} active{dashboard}
      tree:     version {state.Tree.Version}, {state.Tree.Count:N0} units, {state.Households.Count:N0} households
      services: hierarchy.v1 Responsibility, Directory, PartyMember, Issue, Stats, Admin, Supervision; grpc.health.v1.Health; server reflection
      tokens:   send 'authorization: Bearer demo-service' (also demo-admin, demo-member; see appsettings.json)
      try it:   {tryIt}{http}
    Stop with Ctrl-C.

    """);
await server.WaitForShutdownAsync();
return 0;
