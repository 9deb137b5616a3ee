using Google.Protobuf.Reflection;
using Hierarchy.Grpc.Protocol;
using Hierarchy.V1;

namespace Hierarchy.Grpc.Contract;

/// <summary>The methods of <c>hierarchy.v1.ResponsibilityService</c>.</summary>
public static class ResponsibilityMethods
{
    /// <summary>Gets the service descriptor.</summary>
    public static ServiceDescriptor Service => ResponsibilityReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ResponsibilityService");

    /// <summary>Gets Resolve.</summary>
    public static Method<ResolveRequest, Resolution> Resolve { get; } = Method<ResolveRequest, Resolution>.From(Service, "Resolve");

    /// <summary>Gets ResolveBatch.</summary>
    public static Method<ResolveBatchRequest, ResolveBatchResponse> ResolveBatch { get; } =
        Method<ResolveBatchRequest, ResolveBatchResponse>.From(Service, "ResolveBatch");

    /// <summary>Gets ListCategories.</summary>
    public static Method<ListCategoriesRequest, ListCategoriesResponse> ListCategories { get; } =
        Method<ListCategoriesRequest, ListCategoriesResponse>.From(Service, "ListCategories");
}
