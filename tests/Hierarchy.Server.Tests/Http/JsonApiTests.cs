using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Http;

/// <summary>The same methods as JSON over plain HTTP: one contract, one set of handlers, one authentication, one error map.</summary>
[Collection(TongzhouIssueServerCollection.Name)]
public sealed class JsonApiTests(TongzhouIssueServer tongzhou)
{
    [Fact]
    public async Task Resolve_as_json_answers_what_grpc_answers_for_a_qunfangyuan_household()
    {
        var household = tongzhou.HouseholdIn("110112121013");
        using var http = tongzhou.Http("service");

        var json = await http.GetFromJsonAsync<JsonElement>($"v1/resolve?householdId={household}&category=sewage");

        var grpc = await tongzhou.Channel.Responsibility().ResolveAsync(
            new ResolveRequest { HouseholdId = household, Category = "sewage" }, WeiduServer.As("service"));
        Assert.Equal(grpc.Owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("owner").GetProperty("id").GetString());
        Assert.Equal(grpc.Owner.Name, json.GetProperty("owner").GetProperty("name").GetString());
        Assert.Equal(grpc.EscalationChain.Count, json.GetProperty("escalationChain").GetArrayLength());
    }

    [Fact]
    public async Task An_issue_reported_as_json_is_the_issue_grpc_reads_and_escalates_with_a_reason()
    {
        var household = tongzhou.HouseholdIn("110112121013", nth: 2);
        using var http = tongzhou.Http("service");

        using var reported = await http.PostAsJsonAsync("v1/issues", new
        {
            requestId = "json-report-" + household,
            householdId = household.ToString(System.Globalization.CultureInfo.InvariantCulture),
            category = "sewage",
            channel = "HOTLINE",
            description = "楼下污水井冒水",
        });
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        var id = long.Parse((await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issue").GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        using var accepted = await http.PostAsJsonAsync($"v1/issues/{id}:accept", new { });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var escalated = await http.PostAsJsonAsync($"v1/issues/{id}:escalate", new { reason = "网格处理不了，需社区协调" });

        Assert.True(escalated.IsSuccessStatusCode, await escalated.Content.ReadAsStringAsync());
        var issue = (await tongzhou.Channel.Issues().GetIssueAsync(new GetIssueRequest { IssueId = id }, WeiduServer.As("service"))).Issue;
        Assert.Equal("楼下污水井冒水", issue.Description);
        Assert.Equal("网格处理不了，需社区协调", Assert.Single(issue.Events, e => e.Kind == IssueEventKind.EventEscalated).Reason);
    }

    [Fact]
    public async Task An_unknown_token_is_401_with_a_json_error_and_reports_nothing()
    {
        var household = tongzhou.HouseholdIn("110112121013", nth: 3);
        using var http = tongzhou.Http("no-such-token");

        using var answer = await http.PostAsJsonAsync("v1/issues", Report("json-unknown-token", household));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        var error = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(16, error.GetProperty("code").GetInt32());
        Assert.Contains("token", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(await ReportedAsync("json-unknown-token", household));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400_with_a_json_error_and_reports_nothing()
    {
        var household = tongzhou.HouseholdIn("110112121013", nth: 4);
        using var http = tongzhou.Http("service");
        using var body = new StringContent($$"""{"requestId": "json-broken", "householdId": "{{household}}", "category": """, Encoding.UTF8, "application/json");

        using var answer = await http.PostAsync("v1/issues", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(3, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetInt32());
        Assert.False(await ReportedAsync("json-broken", household));
    }

    [Fact]
    public async Task An_oversize_field_is_400_naming_the_field_with_a_short_prefix_and_reports_nothing()
    {
        var household = tongzhou.HouseholdIn("110112121013", nth: 5);
        using var http = tongzhou.Http("service");

        using var answer = await http.PostAsJsonAsync("v1/issues", Report("json-oversize", household, description: new string('漏', 5_000)));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var message = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()!;
        Assert.StartsWith("description:", message, StringComparison.Ordinal);
        Assert.True(message.Length < 200, message);
        Assert.False(await ReportedAsync("json-oversize", household));
    }

    [Fact]
    public async Task A_body_over_the_message_limit_is_refused_with_a_json_error_naming_the_limit()
    {
        var household = tongzhou.HouseholdIn("110112121013", nth: 6);
        using var http = tongzhou.Http("service");

        using var answer = await http.PostAsJsonAsync("v1/issues", Report("json-huge", household, description: new string('x', 5 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("4194304 bytes", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(await ReportedAsync("json-huge", household));
    }

    [Fact]
    public async Task Permission_denied_is_403_with_the_servers_own_message()
    {
        using var http = tongzhou.Http("member-1");

        using var answer = await http.GetAsync($"v1/units/{tongzhou.UnitId("110112121013")}/link-coverage");

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal(7, (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_path_no_method_answers_is_404_with_a_json_error_pointing_at_the_openapi_document()
    {
        using var http = tongzhou.Http("service");

        using var answer = await http.GetAsync("v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("/openapi/v1.json", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_is_found_by_its_nbs_code_in_the_path()
    {
        using var http = tongzhou.Http("service");

        var unit = await http.GetFromJsonAsync<JsonElement>("v1/units/code/110112121013");

        Assert.Equal("群芳园社区居委会", unit.GetProperty("unit").GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_grpc_port_answers_json_over_cleartext_http2_as_well()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(tongzhou.Server.Address, "v1/units/code/110112121013"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "service");

        using var answer = await http.SendAsync(request);

        Assert.Equal((HttpStatusCode.OK, HttpVersion.Version20), (answer.StatusCode, answer.Version));
    }

    [Theory]
    [InlineData("")]
    [InlineData("openapi/v1.json")]
    [InlineData("open311/v2/services.json")]
    [InlineData("console/app.js")]
    public async Task The_console_openapi_and_open311_answer_on_the_http_port_and_not_on_the_grpc_port(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var onGrpcPort = new HttpRequestMessage(HttpMethod.Get, new Uri(tongzhou.Server.Address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var web = await tongzhou.Http().GetAsync(path);
        using var grpc = await http.SendAsync(onGrpcPort);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (web.StatusCode, grpc.StatusCode));
    }

    [Fact]
    public async Task A_grpc_web_client_over_http1_resolves_what_a_grpc_client_resolves()
    {
        var household = tongzhou.HouseholdIn("110112121013", nth: 7);
        using var handler = new GrpcWebHandler(GrpcWebMode.GrpcWebText, new HttpClientHandler());
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{tongzhou.HttpPort}", new GrpcChannelOptions
        {
            HttpHandler = handler,
            HttpVersion = HttpVersion.Version11,
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });
        var request = new ResolveRequest { HouseholdId = household, Category = "sewage" };

        var web = await channel.Responsibility().ResolveAsync(request, WeiduServer.As("service"));

        Assert.Equal(await tongzhou.Channel.Responsibility().ResolveAsync(request, WeiduServer.As("service")), web);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_json_routes_and_the_bearer_scheme()
    {
        using var http = tongzhou.Http();

        var document = await http.GetFromJsonAsync<JsonElement>("openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/resolve", out _));
        Assert.True(paths.TryGetProperty("/v1/issues/{issue_id}:escalate", out _) || paths.TryGetProperty("/v1/issues/{issueId}:escalate", out _),
            string.Join(", ", paths.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    private static object Report(string requestId, long household, string description = "井盖松动") => new
    {
        requestId,
        householdId = household.ToString(System.Globalization.CultureInfo.InvariantCulture),
        category = "sewage",
        channel = "HOTLINE",
        description,
    };

    // A report with the same request id answers the issue first reported with it: if this one opens a new issue, none was.
    private async Task<bool> ReportedAsync(string requestId, long household) =>
        (await tongzhou.Channel.Issues().ReportIssueAsync(
            new ReportIssueRequest { RequestId = requestId, HouseholdId = household, Category = "sewage", Channel = IssueChannel.Hotline, Description = "核对" },
            WeiduServer.As("service"))).Issue.Description != "核对";
}
