namespace Hierarchy.Grpc.Server;

/// <summary>A bound method: its path and the code that runs one call of it.</summary>
internal sealed class ServerMethod(string path, Func<GrpcCall, Task> invoke)
{
    public string Path { get; } = path;

    public Task InvokeAsync(GrpcCall call) => invoke(call);
}
