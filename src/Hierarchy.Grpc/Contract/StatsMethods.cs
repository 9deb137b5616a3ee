using Google.Protobuf.Reflection;
using Hierarchy.Grpc.Protocol;
using Hierarchy.V1;

namespace Hierarchy.Grpc.Contract;

/// <summary>The methods of <c>hierarchy.v1.StatsService</c>.</summary>
public static class StatsMethods
{
    /// <summary>Gets the service descriptor.</summary>
    public static ServiceDescriptor Service => StatsReflection.Descriptor.FindTypeByName<ServiceDescriptor>("StatsService");

    /// <summary>Gets GetUnitStats.</summary>
    public static Method<GetUnitStatsRequest, UnitStats> GetUnitStats { get; } = Method<GetUnitStatsRequest, UnitStats>.From(Service, "GetUnitStats");

    /// <summary>Gets RankChildren.</summary>
    public static Method<RankChildrenRequest, RankChildrenResponse> RankChildren { get; } =
        Method<RankChildrenRequest, RankChildrenResponse>.From(Service, "RankChildren");

    /// <summary>Gets AddKeyUnit.</summary>
    public static Method<AddKeyUnitRequest, KeyUnit> AddKeyUnit { get; } = Method<AddKeyUnitRequest, KeyUnit>.From(Service, "AddKeyUnit");

    /// <summary>Gets ListKeyUnits.</summary>
    public static Method<ListKeyUnitsRequest, ListKeyUnitsResponse> ListKeyUnits { get; } =
        Method<ListKeyUnitsRequest, ListKeyUnitsResponse>.From(Service, "ListKeyUnits");
}
