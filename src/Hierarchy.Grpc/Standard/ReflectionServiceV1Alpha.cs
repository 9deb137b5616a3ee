using Google.Protobuf.Reflection;
using Hierarchy.Grpc.Protocol;
using Hierarchy.Grpc.Reflection.V1Alpha;
using Hierarchy.Grpc.Server;

namespace Hierarchy.Grpc.Standard;

/// <summary><c>grpc.reflection.v1alpha.ServerReflection</c>: lets generic clients list and describe the API.</summary>
public sealed class ReflectionServiceV1Alpha(IEnumerable<GrpcServiceRegistration> registrations) : IGrpcService, IDescribedService
{
    /// <summary>Gets the reflection method.</summary>
    public static readonly Method<ServerReflectionRequest, ServerReflectionResponse> Info =
        Method<ServerReflectionRequest, ServerReflectionResponse>.From(Descriptor, "ServerReflectionInfo");

    private readonly ReflectionIndex _index = new(registrations);

    /// <inheritdoc />
    public static ServiceDescriptor Descriptor => ReflectionReflection.Descriptor.Services[0];

    /// <inheritdoc />
    public void Bind(ServiceBinder binder) => binder.DuplexStreaming(Info, InfoAsync);

    /// <summary>Answers one reflection request.</summary>
    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
        switch (request.MessageRequestCase)
        {
            case ServerReflectionRequest.MessageRequestOneofCase.ListServices:
                var list = new ListServiceResponse();
                list.Service.AddRange(_index.Services.Select(name => new ServiceResponse { Name = name }));
                response.ListServicesResponse = list;
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileByFilename:
                SetFiles(response, _index.FileByName(request.FileByFilename), $"file {request.FileByFilename}");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol:
                SetFiles(response, _index.FileContainingSymbol(request.FileContainingSymbol), $"symbol {request.FileContainingSymbol}");
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType:
                // proto3 files declare no extensions, so every known message type has none.
                response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = request.AllExtensionNumbersOfType };
                break;
            case ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension:
                SetError(response, StatusCode.NotFound, "this server declares no extensions");
                break;
            default:
                SetError(response, StatusCode.InvalidArgument, "message_request is not set");
                break;
        }

        return response;
    }

    private async Task InfoAsync(
        IAsyncEnumerable<ServerReflectionRequest> requests,
        IServerStreamWriter<ServerReflectionResponse> responses,
        ServerCallContext context)
    {
        await foreach (var request in requests.WithCancellation(context.CancellationToken))
        {
            await responses.WriteAsync(Answer(request), context.CancellationToken);
        }
    }

    private static void SetFiles(ServerReflectionResponse response, IReadOnlyList<Google.Protobuf.ByteString>? files, string what)
    {
        if (files is null)
        {
            SetError(response, StatusCode.NotFound, $"{what} is not known to this server");
            return;
        }

        var answer = new FileDescriptorResponse();
        answer.FileDescriptorProto.AddRange(files);
        response.FileDescriptorResponse = answer;
    }

    private static void SetError(ServerReflectionResponse response, StatusCode code, string message) =>
        response.ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message };
}
