using Google.Protobuf;
using Google.Protobuf.Reflection;
using Hierarchy.Grpc.Protocol;
using Hierarchy.Grpc.Reflection.V1;
using Hierarchy.Grpc.Server;

namespace Hierarchy.Grpc.Standard;

/// <summary><c>grpc.reflection.v1.ServerReflection</c>, answered by the v1alpha service.</summary>
public sealed class ReflectionServiceV1(ReflectionServiceV1Alpha alpha) : IGrpcService, IDescribedService
{
    /// <summary>Gets the reflection method.</summary>
    public static readonly Method<ServerReflectionRequest, ServerReflectionResponse> Info =
        Method<ServerReflectionRequest, ServerReflectionResponse>.From(Descriptor, "ServerReflectionInfo");

    /// <inheritdoc />
    public static ServiceDescriptor Descriptor => ReflectionReflection.Descriptor.Services[0];

    /// <inheritdoc />
    public void Bind(ServiceBinder binder) => binder.DuplexStreaming(Info, InfoAsync);

    private async Task InfoAsync(
        IAsyncEnumerable<ServerReflectionRequest> requests,
        IServerStreamWriter<ServerReflectionResponse> responses,
        ServerCallContext context)
    {
        await foreach (var request in requests.WithCancellation(context.CancellationToken))
        {
            // v1 is v1alpha renamed: the two are the same on the wire, so the bytes translate as they are.
            var alphaRequest = Reflection.V1Alpha.ServerReflectionRequest.Parser.ParseFrom(request.ToByteString());
            var answer = alpha.Answer(alphaRequest);
            await responses.WriteAsync(ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()), context.CancellationToken);
        }
    }
}
