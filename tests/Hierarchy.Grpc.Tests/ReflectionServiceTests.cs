using Google.Protobuf.Reflection;
using Hierarchy.Grpc.Reflection.V1Alpha;
using Hierarchy.Grpc.Standard;

namespace Hierarchy.Grpc.Tests;

[Collection(ConformanceCollection.Name)]
public sealed class ReflectionServiceTests(ConformanceServer server)
{
    [Fact]
    public async Task List_services_names_every_registered_service()
    {
        var reply = await AskAsync(new ServerReflectionRequest { ListServices = string.Empty });

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "hierarchy.testing.v1.ConformanceService"],
            reply.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Fact]
    public async Task A_method_symbol_is_answered_with_the_file_that_defines_it()
    {
        var reply = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "hierarchy.testing.v1.ConformanceService.Echo" });

        var file = FileDescriptorProto.Parser.ParseFrom(reply.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("hierarchy/testing/v1/conformance.proto", file.Name);
    }

    [Fact]
    public async Task An_unknown_symbol_is_an_error_response_not_a_failed_call()
    {
        var reply = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "no.such.Symbol" });

        Assert.Equal((int)Protocol.StatusCode.NotFound, reply.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task The_v1_service_answers_like_v1alpha()
    {
        var requests = One(new Reflection.V1.ServerReflectionRequest { FileByFilename = "grpc/health/v1/health.proto" });
        var replies = new List<Reflection.V1.ServerReflectionResponse>();
        await foreach (var reply in server.Channel.DuplexStreamingAsync(ReflectionServiceV1.Info, requests))
        {
            replies.Add(reply);
        }

        Assert.Single(replies[0].FileDescriptorResponse.FileDescriptorProto);
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        var replies = new List<ServerReflectionResponse>();
        await foreach (var reply in server.Channel.DuplexStreamingAsync(ReflectionServiceV1Alpha.Info, One(request)))
        {
            replies.Add(reply);
        }

        return Assert.Single(replies);
    }

    private static async IAsyncEnumerable<T> One<T>(T item)
    {
        await Task.Yield();
        yield return item;
    }
}
