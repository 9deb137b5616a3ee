using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using Hierarchy.Grpc.Client;

namespace Hierarchy.Cli;

/// <summary>The options of commands that call a running server: where it is and the bearer token to send.</summary>
internal sealed class ServerConnection
{
    public Option<string> Server { get; } = new("--server")
    {
        Description = "the server's HOST:PORT (env HIERARCHY_SERVER)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HIERARCHY_SERVER") ?? "127.0.0.1:50051",
    };

    public Option<string> Token { get; } = new("--token")
    {
        Description = "bearer token (env HIERARCHY_TOKEN)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HIERARCHY_TOKEN") ?? "demo-admin",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Token);
    }

    public GrpcChannel Open(ParseResult parse) => GrpcChannel.ForAddress("http://" + parse.GetValue(Server));

    // An operator waiting on a server that does not answer should get an error, not a hung terminal.
    public CallOptions Call(ParseResult parse, CancellationToken cancellationToken) =>
        Bearer.Options(parse.GetValue(Token)!, cancellationToken).WithDeadline(DateTime.UtcNow.AddSeconds(30));
}
