using Google.Protobuf.Reflection;
using Hierarchy.Grpc.Protocol;
using Hierarchy.V1;

namespace Hierarchy.Grpc.Contract;

/// <summary>The methods of <c>hierarchy.v1.PartyMemberService</c>.</summary>
public static class PartyMemberMethods
{
    /// <summary>Gets the service descriptor.</summary>
    public static ServiceDescriptor Service => PartyMemberReflection.Descriptor.FindTypeByName<ServiceDescriptor>("PartyMemberService");

    /// <summary>Gets GetMember.</summary>
    public static Method<GetMemberRequest, PartyMember> GetMember { get; } = Method<GetMemberRequest, PartyMember>.From(Service, "GetMember");

    /// <summary>Gets ListHouseholds.</summary>
    public static Method<ListHouseholdsRequest, ListHouseholdsResponse> ListHouseholds { get; } =
        Method<ListHouseholdsRequest, ListHouseholdsResponse>.From(Service, "ListHouseholds");

    /// <summary>Gets LinkHousehold.</summary>
    public static Method<LinkHouseholdRequest, LinkHouseholdResponse> LinkHousehold { get; } =
        Method<LinkHouseholdRequest, LinkHouseholdResponse>.From(Service, "LinkHousehold");

    /// <summary>Gets UnlinkHousehold.</summary>
    public static Method<UnlinkHouseholdRequest, LinkHouseholdResponse> UnlinkHousehold { get; } =
        Method<UnlinkHouseholdRequest, LinkHouseholdResponse>.From(Service, "UnlinkHousehold");
}
