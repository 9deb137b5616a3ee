using System.Globalization;
using Grpc.Core;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Server.Http;
using Hierarchy.V1;
using Microsoft.Extensions.Primitives;

namespace Hierarchy.Server.Open311;

/// <summary>
/// Open311 GeoReport v2 on the HTTP port (<c>/open311/v2</c>): services are the responsibility list's categories, a request
/// is an issue. Every call runs the gRPC handlers through the gRPC pipeline (<see cref="BridgedHandlers"/>); the key is the
/// bearer token, sent as <c>api_key</c> or in the <c>Authorization</c> header.
/// </summary>
public sealed class Open311Bridge(
    BridgedHandlers handlers, Services.ResponsibilityService categories, Services.IssueService issues, HierarchyState state,
    [FromKeyedServices(ServerSettings.ClockKey)] TimeProvider clock)
{
    /// <summary>Gets where the bridge answers.</summary>
    public const string Root = "/open311/v2";

    private const int MaxIds = 100;
    private const int MaxResults = 1000;
    private static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(90);

    // The handlers' field names, as a GeoReport v2 client knows them.
    private static readonly (string Field, string Open311)[] FieldNames =
    [
        ("household_id", "address_id"), ("unit_code", "attribute[unit_code]"), ("unit_id", "attribute[unit_code]"),
        ("request_id", "attribute[request_id]"), ("category", "service_code"), ("issue_id", "service_request_id"),
    ];

    /// <summary>Answers <c>discovery.json</c>.</summary>
    public IResult Discovery(HttpContext http)
    {
        var url = $"{http.Request.Scheme}://{http.Request.Host}{Root}";
        return Json(new
        {
            changeset = "2026-12-03T00:00:00+08:00",
            contact = "The district's 12345 service centre; this server's operator for keys (api_key is a Hierarchy bearer token).",
            key_service = "Ask the operator for a token; send it as api_key or 'Authorization: Bearer <token>'.",
            endpoints = new[]
            {
                new { specification = "http://wiki.open311.org/GeoReport_v2", url, changeset = "2026-12-03T00:00:00+08:00", type = "production", formats = new[] { "application/json" } },
            },
        });
    }

    /// <summary>Answers <c>services.json</c>: the categories of the responsibility list in force (public, as cities publish them).</summary>
    public async Task<IResult> ServicesAsync(HttpContext http) => await AnswerAsync(async () =>
        Json((await CategoriesAsync(http)).Values.Select(Open311Mapping.Service).ToList()));

    /// <summary>Answers <c>services/{code}.json</c>.</summary>
    public async Task<IResult> ServiceAsync(HttpContext http, string code) => await AnswerAsync(async () =>
        (await CategoriesAsync(http)).ContainsKey(code)
            ? Json(Open311Mapping.Definition(code))
            : throw new RpcException(new Status(StatusCode.NotFound, $"service_code: '{Quote.Prefix(code)}' is not a service; see services.json")));

    /// <summary>Answers a POST to <c>requests.json</c>: reports an issue, idempotent on <c>attribute[request_id]</c>.</summary>
    public async Task<IResult> PostAsync(HttpContext http) => await AnswerAsync(async () =>
    {
        if (!http.Request.HasFormContentType)
        {
            throw Invalid("POST requests.json takes application/x-www-form-urlencoded fields, as GeoReport v2 says");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        UseApiKey(http, form["api_key"]);
        var code = form["service_code"].ToString();
        if (code.Length == 0)
        {
            throw Invalid("service_code: required; see services.json");
        }

        var householdId = Id(form["address_id"], "address_id");
        var unitCode = form["attribute[unit_code]"].ToString();
        if (householdId == 0 && unitCode.Length == 0)
        {
            throw Invalid("address_id (a household id) or attribute[unit_code] is required: requests are placed by household or unit, not by coordinates or address text");
        }

        if (!(await CategoriesAsync(http)).ContainsKey(code))
        {
            throw Invalid($"service_code: '{Quote.Prefix(code)}' is not a service; see services.json");
        }

        var clientId = form["attribute[request_id]"].ToString();
        var request = new ReportIssueRequest
        {
            RequestId = clientId.Length > 0 ? "open311:" + clientId : "open311:" + Guid.NewGuid().ToString("N"),
            HouseholdId = householdId,
            UnitCode = unitCode,
            Category = code,
            Channel = IssueChannel.Online,
            Description = form["description"].ToString(),
        };
        var issue = (await handlers.CallAsync(http, "/hierarchy.v1.IssueService/ReportIssue", request, issues.ReportIssue)).Issue;
        var created = new Open311Created(
            issue.Id.ToString(CultureInfo.InvariantCulture), Open311Mapping.Notice(issue), AccountId: null);
        return Results.Json(new[] { created }, Open311Json.Options, statusCode: StatusCodes.Status201Created);
    });

    /// <summary>Answers <c>requests/{id}.json</c>.</summary>
    public async Task<IResult> GetOneAsync(HttpContext http, string id) => await AnswerAsync(async () =>
    {
        UseApiKey(http, http.Request.Query["api_key"]);
        var issueId = Id(id, "service_request_id");
        var known = await CategoriesAsync(http);
        var issue = await GetAsync(http, issueId);
        return Json(new[] { Open311Mapping.Request(issue, state.Tree, known) });
    });

    /// <summary>Answers a GET of <c>requests.json</c>: by ids, or a jurisdiction's (a unit code's) requests of a period.</summary>
    public async Task<IResult> QueryAsync(HttpContext http) => await AnswerAsync(async () =>
    {
        var query = http.Request.Query;
        UseApiKey(http, query["api_key"]);
        var known = await CategoriesAsync(http);
        var tree = state.Tree;
        if (query["service_request_id"].ToString() is { Length: > 0 } ids)
        {
            var wanted = ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (wanted.Length > MaxIds)
            {
                throw Invalid($"service_request_id: {wanted.Length} ids; at most {MaxIds} at once");
            }

            var found = new List<Open311ServiceRequest>();
            foreach (var one in wanted)
            {
                found.Add(Open311Mapping.Request(await GetAsync(http, Id(one, "service_request_id")), tree, known));
            }

            return Json(found);
        }

        // The spec's default is the last 90 days; without end_date nothing reported up to this moment is cut off.
        var end = Date(query["end_date"], "end_date");
        var start = Date(query["start_date"], "start_date") ?? (end ?? clock.GetUtcNow()) - DefaultSpan;
        var status = query["status"].ToString();
        if (status.Length > 0 && status.Split(',').Any(s => s is not ("open" or "closed")))
        {
            throw Invalid($"status: '{Quote.Prefix(status)}' is not open, closed or both");
        }

        var codes = query["service_code"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var request = new ListIssuesRequest
        {
            UnitCode = Jurisdiction(tree, query["jurisdiction_id"].ToString()),
            Category = codes.Length == 1 ? codes[0] : string.Empty,
            ReportedFrom = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(start),
            ReportedBefore = end is { } before ? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(before) : null,
            PageSize = MaxResults,
        };
        var list = await handlers.CallAsync(http, "/hierarchy.v1.IssueService/ListIssues", request, issues.ListIssues);
        return Json(list.Issues
            .Where(i => codes.Length <= 1 || codes.Contains(i.Category))
            .Select(i => Open311Mapping.Request(i, tree, known))
            .Where(r => status.Length == 0 || status.Split(',').Contains(r.Status))
            .ToList());
    });

    /// <summary>Answers a path under the bridge that nothing serves.</summary>
    public static IResult NotFound(HttpContext http) => Error(StatusCodes.Status404NotFound,
        $"nothing answers {http.Request.Method} {Quote.Prefix(http.Request.Path.Value ?? string.Empty)}; see {Root}/discovery.json");

    private static IResult Json(object value) => Results.Json(value, Open311Json.Options);

    private static IResult Error(int status, string description) =>
        Results.Json(new[] { new Open311Error(status, description) }, Open311Json.Options, statusCode: status);

    private static async Task<IResult> AnswerAsync(Func<Task<IResult>> answer)
    {
        try
        {
            return await answer();
        }
        catch (RpcException e)
        {
            return Error(HttpStatusOf.Code(e.StatusCode), InOpen311Terms(e.Status.Detail));
        }
    }

    private static string InOpen311Terms(string message)
    {
        if (message.StartsWith("household ", StringComparison.Ordinal))
        {
            return "address_id: " + message;
        }

        foreach (var (field, open311) in FieldNames)
        {
            if (message.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return open311 + message[field.Length..];
            }
        }

        return message;
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    // A key in the form or query is the bearer token a header would carry; a header sent as well wins.
    private static void UseApiKey(HttpContext http, StringValues key)
    {
        if (key.ToString() is { Length: > 0 } token && StringValues.IsNullOrEmpty(http.Request.Headers.Authorization))
        {
            http.Request.Headers.Authorization = "Bearer " + token;
        }
    }

    private static long Id(StringValues value, string field)
    {
        var text = value.ToString();
        if (text.Length == 0)
        {
            return 0;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw Invalid($"{field}: '{Quote.Prefix(text)}' is not an id");
    }

    private static DateTimeOffset? Date(StringValues value, string field)
    {
        var text = value.ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw Invalid($"{field}: '{Quote.Prefix(text)}' is not a W3C datetime, such as 2026-11-02T08:30:00+08:00");
    }

    // Without jurisdiction_id, a server holding one district answers for it; with several, the client must choose.
    private static string Jurisdiction(OrgTreeSnapshot tree, string jurisdiction)
    {
        if (jurisdiction.Length > 0)
        {
            return jurisdiction;
        }

        var roots = tree.Roots().Select(i => tree.UnitAt(i).Code).ToList();

        return roots.Count == 1
            ? roots[0]
            : throw Invalid($"jurisdiction_id: required on this server, which holds {roots.Count} districts (their unit codes: {string.Join(", ", roots.Take(5))})");
    }

    private async Task<Issue> GetAsync(HttpContext http, long id) =>
        (await handlers.CallAsync(http, "/hierarchy.v1.IssueService/GetIssue", new GetIssueRequest { IssueId = id }, issues.GetIssue)).Issue;

    private async Task<IReadOnlyDictionary<string, Category>> CategoriesAsync(HttpContext http) =>
        (await handlers.CallAsync(http, "/hierarchy.v1.ResponsibilityService/ListCategories", new ListCategoriesRequest(),
            categories.ListCategories, authenticated: false)).Categories.ToDictionary(c => c.Code);
}
