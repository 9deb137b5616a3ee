using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Hierarchy.Grpc.WireForm;
using Hierarchy.V1;

namespace Hierarchy.Server.Services;

/// <summary>
/// Binds <c>hierarchy.v1.ResponsibilityService</c> by hand: the same paths and request messages as the generated contract,
/// with Resolve and ResolveBatch sending their answers in wire form (<see cref="EncodedMessage"/>) instead of building them.
/// </summary>
public sealed class ResponsibilityServiceMethods : IServiceMethodProvider<ResponsibilityService>
{
    private static readonly string Service = V1.ResponsibilityService.Descriptor.FullName;

    // The metadata the generated binding gives every method: POST only, CORS preflight accepted.
    private static readonly List<object> Metadata = [new HttpMethodMetadata(["POST"], acceptCorsPreflight: true)];

    /// <summary>Gets Resolve, answered in wire form.</summary>
    public static Method<ResolveRequest, EncodedMessage> Resolve { get; } =
        new(MethodType.Unary, Service, "Resolve", ProtobufMarshaller.For(ResolveRequest.Parser), EncodedMessage.Marshaller);

    /// <summary>Gets ResolveBatch, answered in wire form.</summary>
    public static Method<ResolveBatchRequest, EncodedMessage> ResolveBatch { get; } =
        new(MethodType.Unary, Service, "ResolveBatch", ProtobufMarshaller.For(ResolveBatchRequest.Parser), EncodedMessage.Marshaller);

    /// <summary>Gets ListCategories.</summary>
    public static Method<ListCategoriesRequest, ListCategoriesResponse> ListCategories { get; } =
        new(MethodType.Unary, Service, "ListCategories", ProtobufMarshaller.For(ListCategoriesRequest.Parser),
            ProtobufMarshaller.For(ListCategoriesResponse.Parser));

    /// <summary>Gets ExportResponsibilityList.</summary>
    public static Method<ExportResponsibilityListRequest, ResponsibilityListFiles> ExportResponsibilityList { get; } =
        new(MethodType.Unary, Service, "ExportResponsibilityList", ProtobufMarshaller.For(ExportResponsibilityListRequest.Parser),
            ProtobufMarshaller.For(ResponsibilityListFiles.Parser));

    /// <inheritdoc />
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<ResponsibilityService> context)
    {
        context.AddUnaryMethod(Resolve, Metadata, (service, request, call) => service.Resolve(request, call));
        context.AddUnaryMethod(ResolveBatch, Metadata, (service, request, call) => service.ResolveBatch(request, call));
        context.AddUnaryMethod(ListCategories, Metadata, (service, request, call) => service.ListCategories(request, call));
        context.AddUnaryMethod(ExportResponsibilityList, Metadata, (service, request, call) => service.ExportResponsibilityList(request, call));
    }
}
