using Hierarchy.Server;

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

await using var server = await HierarchyServer.StartAsync(settings);
Console.WriteLine($"""
    Hierarchy is serving gRPC (HTTP/2) at {server.Address} on {settings.Storage}.
    Try it:   /usr/bin/python3 examples/python/resolve.py {server.Address.Authority}
    Health:   h2load-free check with Python grpcio: grpc.health.v1.Health/Check; reflection is on.
    Stop with Ctrl-C.
    """);
await server.WaitForShutdownAsync();
return 0;
