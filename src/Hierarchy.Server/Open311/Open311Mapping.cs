using Hierarchy.Domain.ReadModel;
using Hierarchy.V1;

namespace Hierarchy.Server.Open311;

/// <summary>Issues and categories as GeoReport v2 shows them.</summary>
public static class Open311Mapping
{
    // Cities publish in their own time; the spec's datetimes carry the offset.
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    /// <summary>Gets a category as a service.</summary>
    public static Open311Service Service(Category category) => new(
        category.Code, category.Name,
        $"{category.ClassName}：{category.Name}，主责部门 {category.Department?.Name}".Trim(),
        Metadata: true, Type: "realtime", Keywords: category.Code.Replace('_', ','), Group: category.ClassName);

    /// <summary>Gets the attributes every service takes: where (a unit code, when no household id is given) and the client's id.</summary>
    public static Open311ServiceDefinition Definition(string code) => new(code,
    [
        new(true, "unit_code", "string", false, "a unit's NBS code or grid code",
            1, "Where, when address_id (a household id) is not given: the building group, grid or community, such as 110112121013"),
        new(true, "request_id", "string", false, "at most 92 characters (stored as open311:<id>)",
            2, "The client's own id of this request: posting it again answers the request first posted with it"),
    ]);

    /// <summary>Gets an issue as a service request.</summary>
    public static Open311ServiceRequest Request(Issue issue, OrgTreeSnapshot tree, IReadOnlyDictionary<string, Category> categories)
    {
        var closed = issue.Status is IssueStatus.Resolved or IssueStatus.Closed;
        var place = tree.TryIndexOf(issue.PlaceUnitId, out var index) ? tree.UnitAt(index).Name : null;
        var notes = issue.Events.Where(e => e.Reason.Length > 0).Select(e => e.Reason).LastOrDefault();
        var updated = issue.Events.Count > 0 ? issue.Events[^1].At : issue.ResolvedAt ?? issue.ReportedAt;
        return new Open311ServiceRequest(
            issue.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            closed ? "closed" : "open",
            notes,
            categories.TryGetValue(issue.Category, out var category) ? category.Name : issue.Category,
            issue.Category,
            issue.Description,
            issue.Owner?.Name,
            Notice(issue),
            China(issue.ReportedAt)!.Value,
            China(updated),
            China(issue.DueAt),
            place,
            issue.HouseholdId == 0 ? null : issue.HouseholdId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Zipcode: null,
            Lat: null,
            Long: null,
            MediaUrl: null);
    }

    /// <summary>Gets what the citizen is told of an issue: who has it and by when, or that it waits to be dispatched.</summary>
    public static string Notice(Issue issue) => issue switch
    {
        { Status: IssueStatus.Resolved or IssueStatus.Closed } => "已办结",
        { Owner: null } => "已登记，等待派单",
        { DueAt: { } due } => $"{issue.Owner.Name} 承办，时限 {China(due):yyyy-MM-dd HH:mm}",
        _ => $"{issue.Owner.Name} 承办",
    };

    private static DateTimeOffset? China(Google.Protobuf.WellKnownTypes.Timestamp? at) => at?.ToDateTimeOffset().ToOffset(ChinaTime);
}
