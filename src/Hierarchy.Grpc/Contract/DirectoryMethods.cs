using Google.Protobuf.Reflection;
using Hierarchy.Grpc.Protocol;
using Hierarchy.V1;

namespace Hierarchy.Grpc.Contract;

/// <summary>The methods of <c>hierarchy.v1.DirectoryService</c>.</summary>
public static class DirectoryMethods
{
    /// <summary>Gets the service descriptor.</summary>
    public static ServiceDescriptor Service => DirectoryReflection.Descriptor.FindTypeByName<ServiceDescriptor>("DirectoryService");

    /// <summary>Gets GetUnit.</summary>
    public static Method<GetUnitRequest, GetUnitResponse> GetUnit { get; } = Method<GetUnitRequest, GetUnitResponse>.From(Service, "GetUnit");

    /// <summary>Gets ListChildren.</summary>
    public static Method<ListChildrenRequest, ListChildrenResponse> ListChildren { get; } =
        Method<ListChildrenRequest, ListChildrenResponse>.From(Service, "ListChildren");

    /// <summary>Gets GetAncestors.</summary>
    public static Method<GetAncestorsRequest, GetAncestorsResponse> GetAncestors { get; } =
        Method<GetAncestorsRequest, GetAncestorsResponse>.From(Service, "GetAncestors");

    /// <summary>Gets SearchUnits.</summary>
    public static Method<SearchUnitsRequest, SearchUnitsResponse> SearchUnits { get; } =
        Method<SearchUnitsRequest, SearchUnitsResponse>.From(Service, "SearchUnits");
}
