using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Http;

/// <summary>Open311 GeoReport v2 clients report and follow issues: services are categories, requests are issues.</summary>
[Collection(TongzhouIssueServerCollection.Name)]
public sealed class Open311Tests(TongzhouIssueServer tongzhou)
{
    [Fact]
    public async Task Services_are_the_responsibility_lists_categories_readable_without_a_key()
    {
        using var http = tongzhou.Http();

        var services = await http.GetFromJsonAsync<JsonElement>("open311/v2/services.json");

        var sewage = services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "sewage");
        Assert.Equal("realtime", sewage.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(sewage.GetProperty("service_name").GetString()));
    }

    [Fact]
    public async Task A_request_posted_for_a_household_is_dispatched_to_its_grid_and_reads_back_open_with_the_grid_responsible()
    {
        var household = tongzhou.HouseholdIn("110112121013", nth: 10);
        using var http = tongzhou.Http();

        var id = await PostAsync(http, ("api_key", "service"), ("service_code", "sewage"), ("address_id", Text(household)),
            ("attribute[request_id]", "o311-household-" + household), ("description", "小区污水井堵塞"));
        await tongzhou.Channel.Issues().AcceptAsync(new IssueActionRequest { IssueId = long.Parse(id, CultureInfo.InvariantCulture) }, WeiduServer.As("service"));
        var read = Assert.Single((await http.GetFromJsonAsync<JsonElement>($"open311/v2/requests/{id}.json?api_key=service")).EnumerateArray());

        var grid = await tongzhou.Channel.Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = household, Category = "sewage" }, WeiduServer.As("service"));
        Assert.Equal(("open", grid.Owner.Name, "小区污水井堵塞", Text(household)),
            (read.GetProperty("status").GetString(), read.GetProperty("agency_responsible").GetString(),
             read.GetProperty("description").GetString(), read.GetProperty("address_id").GetString()));
        var issue = (await tongzhou.Channel.Issues().GetIssueAsync(new GetIssueRequest { IssueId = long.Parse(id, CultureInfo.InvariantCulture) }, WeiduServer.As("service"))).Issue;
        Assert.Equal(IssueChannel.Online, issue.Channel);
    }

    [Fact]
    public async Task Posting_the_same_client_id_again_answers_the_request_first_posted()
    {
        var household = tongzhou.HouseholdIn("110112121013", nth: 11);
        using var http = tongzhou.Http();
        (string, string)[] fields = [("api_key", "service"), ("service_code", "sewage"), ("address_id", Text(household)),
            ("attribute[request_id]", "o311-twice-" + household), ("description", "井盖缺失")];

        var first = await PostAsync(http, fields);
        var second = await PostAsync(http, fields);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_request_placed_by_unit_code_goes_to_that_unit()
    {
        using var http = tongzhou.Http("service");

        var id = await PostAsync(http, ("service_code", "sewage"), ("attribute[unit_code]", "110112121013"),
            ("attribute[request_id]", "o311-unit-code"), ("description", "社区主干道污水外溢"));

        var issue = (await tongzhou.Channel.Issues().GetIssueAsync(new GetIssueRequest { IssueId = long.Parse(id, CultureInfo.InvariantCulture) }, WeiduServer.As("service"))).Issue;
        Assert.Equal(tongzhou.UnitId("110112121013"), issue.PlaceUnitId);
    }

    [Fact]
    public async Task A_resolved_issue_reads_closed_with_the_handlers_note()
    {
        var household = tongzhou.HouseholdIn("110112121013", nth: 12);
        using var http = tongzhou.Http();
        var id = long.Parse(await PostAsync(http, ("api_key", "service"), ("service_code", "sewage"), ("address_id", Text(household)),
            ("attribute[request_id]", "o311-closed-" + household), ("description", "下水道反味")), CultureInfo.InvariantCulture);
        var issues = tongzhou.Channel.Issues();
        await issues.AcceptAsync(new IssueActionRequest { IssueId = id }, WeiduServer.As("service"));
        await issues.StartWorkAsync(new IssueActionRequest { IssueId = id }, WeiduServer.As("service"));
        await issues.ResolveAsync(new ResolveIssueRequest { IssueId = id, Note = "已疏通并除臭" }, WeiduServer.As("service"));

        var found = await http.GetFromJsonAsync<JsonElement>($"open311/v2/requests.json?api_key=service&service_request_id={id}");

        var read = Assert.Single(found.EnumerateArray());
        Assert.Equal(("closed", "已疏通并除臭"), (read.GetProperty("status").GetString(), read.GetProperty("status_notes").GetString()));
    }

    [Fact]
    public async Task The_districts_open_requests_of_a_service_include_one_just_posted()
    {
        var household = tongzhou.HouseholdIn("110112121013", nth: 13);
        using var http = tongzhou.Http("service");
        var id = await PostAsync(http, ("service_code", "sewage"), ("address_id", Text(household)),
            ("attribute[request_id]", "o311-list-" + household), ("description", "化粪池满溢"));

        var found = await http.GetFromJsonAsync<JsonElement>("open311/v2/requests.json?service_code=sewage&status=open&jurisdiction_id=110112");

        Assert.Contains(found.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        Assert.All(found.EnumerateArray(), r => Assert.Equal(("sewage", "open"), (r.GetProperty("service_code").GetString(), r.GetProperty("status").GetString())));
    }

    [Theory]
    [InlineData("", "sewage", "123", HttpStatusCode.Unauthorized, "token")]
    [InlineData("service", "no_such_service", "123", HttpStatusCode.BadRequest, "service_code: 'no_such_service'")]
    [InlineData("service", "sewage", "", HttpStatusCode.BadRequest, "address_id (a household id) or attribute[unit_code]")]
    [InlineData("service", "sewage", "abc", HttpStatusCode.BadRequest, "address_id: 'abc' is not an id")]
    [InlineData("service", "sewage", "999999999", HttpStatusCode.NotFound, "address_id")]
    public async Task A_bad_post_is_the_specs_error_array_naming_the_field_and_reports_nothing(
        string key, string service, string address, HttpStatusCode status, string says)
    {
        using var http = tongzhou.Http();
        var clientId = $"o311-bad-{key}-{service}-{address}";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key,
            ["service_code"] = service,
            ["address_id"] = address,
            ["attribute[request_id]"] = clientId,
            ["description"] = "路灯不亮",
        });

        using var answer = await http.PostAsync("open311/v2/requests.json", form);

        Assert.Equal(status, answer.StatusCode);
        var error = Assert.Single((await answer.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal((int)status, error.GetProperty("code").GetInt32());
        Assert.Contains(says, error.GetProperty("description").GetString(), StringComparison.Ordinal);
        var list = await tongzhou.Channel.Issues().ListIssuesAsync(new ListIssuesRequest { UnitCode = "110112", PageSize = 1000 }, WeiduServer.As("service"));
        Assert.DoesNotContain(list.Issues, i => i.RequestId == "open311:" + clientId);
    }

    [Fact]
    public async Task A_json_body_is_refused_because_the_spec_posts_form_fields()
    {
        using var http = tongzhou.Http("service");

        using var answer = await http.PostAsJsonAsync("open311/v2/requests.json", new { service_code = "sewage", address_id = "1" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("application/x-www-form-urlencoded", (await answer.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discovery_names_the_geoReport_v2_endpoint()
    {
        using var http = tongzhou.Http();

        var discovery = await http.GetFromJsonAsync<JsonElement>("open311/v2/discovery.json");

        var endpoint = Assert.Single(discovery.GetProperty("endpoints").EnumerateArray());
        Assert.Equal($"http://127.0.0.1:{tongzhou.HttpPort}/open311/v2", endpoint.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_path_the_bridge_does_not_serve_is_404_as_an_error_array()
    {
        using var http = tongzhou.Http();

        using var answer = await http.GetAsync("open311/v2/tokens.json");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal(404, Assert.Single((await answer.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()).GetProperty("code").GetInt32());
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> PostAsync(HttpClient http, params (string Name, string Value)[] fields)
    {
        using var form = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        using var answer = await http.PostAsync("open311/v2/requests.json", form);
        Assert.True(answer.StatusCode == HttpStatusCode.Created, await answer.Content.ReadAsStringAsync());
        return Assert.Single((await answer.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()).GetProperty("service_request_id").GetString()!;
    }
}
