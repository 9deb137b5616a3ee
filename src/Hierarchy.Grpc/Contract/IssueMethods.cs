using Google.Protobuf.Reflection;
using Hierarchy.Grpc.Protocol;
using Hierarchy.V1;

namespace Hierarchy.Grpc.Contract;

/// <summary>The methods of <c>hierarchy.v1.IssueService</c>.</summary>
public static class IssueMethods
{
    /// <summary>Gets the service descriptor.</summary>
    public static ServiceDescriptor Service => IssueReflection.Descriptor.FindTypeByName<ServiceDescriptor>("IssueService");

    /// <summary>Gets ReportIssue.</summary>
    public static Method<ReportIssueRequest, IssueReply> ReportIssue { get; } = Method<ReportIssueRequest, IssueReply>.From(Service, "ReportIssue");

    /// <summary>Gets GetIssue.</summary>
    public static Method<GetIssueRequest, IssueReply> GetIssue { get; } = Method<GetIssueRequest, IssueReply>.From(Service, "GetIssue");

    /// <summary>Gets ListIssues.</summary>
    public static Method<ListIssuesRequest, ListIssuesResponse> ListIssues { get; } =
        Method<ListIssuesRequest, ListIssuesResponse>.From(Service, "ListIssues");

    /// <summary>Gets Accept.</summary>
    public static Method<IssueActionRequest, IssueReply> Accept { get; } = Method<IssueActionRequest, IssueReply>.From(Service, "Accept");

    /// <summary>Gets StartWork.</summary>
    public static Method<IssueActionRequest, IssueReply> StartWork { get; } = Method<IssueActionRequest, IssueReply>.From(Service, "StartWork");

    /// <summary>Gets Escalate.</summary>
    public static Method<EscalateRequest, IssueReply> Escalate { get; } = Method<EscalateRequest, IssueReply>.From(Service, "Escalate");

    /// <summary>Gets Resolve.</summary>
    public static Method<ResolveIssueRequest, IssueReply> Resolve { get; } = Method<ResolveIssueRequest, IssueReply>.From(Service, "Resolve");

    /// <summary>Gets Rate.</summary>
    public static Method<RateRequest, IssueReply> Rate { get; } = Method<RateRequest, IssueReply>.From(Service, "Rate");

    /// <summary>Gets Reopen.</summary>
    public static Method<ReopenRequest, IssueReply> Reopen { get; } = Method<ReopenRequest, IssueReply>.From(Service, "Reopen");

    /// <summary>Gets WatchIssues.</summary>
    public static Method<WatchIssuesRequest, IssueChange> WatchIssues { get; } =
        Method<WatchIssuesRequest, IssueChange>.From(Service, "WatchIssues");
}
