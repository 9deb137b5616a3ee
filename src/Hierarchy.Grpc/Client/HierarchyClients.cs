using Grpc.Core;
using Hierarchy.V1;

namespace Hierarchy.Grpc.Client;

/// <summary>The generated clients of Hierarchy's services over one channel or invoker: <c>channel.Issues().GetIssueAsync(…)</c>.</summary>
public static class HierarchyClients
{
    /// <summary>Gets a client of <c>hierarchy.v1.ResponsibilityService</c>.</summary>
    public static ResponsibilityService.ResponsibilityServiceClient Responsibility(this ChannelBase channel) => new(channel);

    /// <summary>Gets a client of <c>hierarchy.v1.DirectoryService</c>.</summary>
    public static DirectoryService.DirectoryServiceClient Directory(this ChannelBase channel) => new(channel);

    /// <summary>Gets a client of <c>hierarchy.v1.PartyMemberService</c>.</summary>
    public static PartyMemberService.PartyMemberServiceClient PartyMembers(this ChannelBase channel) => new(channel);

    /// <summary>Gets a client of <c>hierarchy.v1.IssueService</c>.</summary>
    public static IssueService.IssueServiceClient Issues(this ChannelBase channel) => new(channel);

    /// <summary>Gets a client of <c>hierarchy.v1.StatsService</c>.</summary>
    public static StatsService.StatsServiceClient Stats(this ChannelBase channel) => new(channel);

    /// <summary>Gets a client of <c>hierarchy.v1.AdminService</c>.</summary>
    public static AdminService.AdminServiceClient Admin(this ChannelBase channel) => new(channel);

    /// <summary>Gets a client of <c>hierarchy.v1.SupervisionService</c>.</summary>
    public static SupervisionService.SupervisionServiceClient Supervision(this ChannelBase channel) => new(channel);

    /// <summary>Gets a client of <c>hierarchy.v1.OrganizationService</c>.</summary>
    public static OrganizationService.OrganizationServiceClient Organizations(this ChannelBase channel) => new(channel);
}
