using Grpc.Core;
using Hierarchy.Grpc.WireForm;
using Hierarchy.V1;

namespace Hierarchy.Server.Http;

/// <summary>
/// <c>hierarchy.v1.ResponsibilityService</c> as JSON transcoding sees it: a generated base it can bind, answering with the
/// hand-bound <see cref="Services.ResponsibilityService"/>'s own handlers, their wire-form answers read back as messages.
/// </summary>
public sealed class ResponsibilityJsonService(Services.ResponsibilityService service) : V1.ResponsibilityService.ResponsibilityServiceBase
{
    /// <inheritdoc />
    public override async Task<Resolution> Resolve(ResolveRequest request, ServerCallContext context) =>
        Resolution.Parser.ParseFrom(Bytes(await service.Resolve(request, context)));

    /// <inheritdoc />
    public override async Task<ResolveBatchResponse> ResolveBatch(ResolveBatchRequest request, ServerCallContext context) =>
        ResolveBatchResponse.Parser.ParseFrom(Bytes(await service.ResolveBatch(request, context)));

    /// <inheritdoc />
    public override Task<ListCategoriesResponse> ListCategories(ListCategoriesRequest request, ServerCallContext context) =>
        service.ListCategories(request, context);

    /// <inheritdoc />
    public override Task<ResponsibilityListFiles> ExportResponsibilityList(ExportResponsibilityListRequest request, ServerCallContext context) =>
        service.ExportResponsibilityList(request, context);

    private static byte[] Bytes(EncodedMessage message)
    {
        var bytes = new byte[message.Length];
        message.CopyTo(bytes);
        return bytes;
    }
}
