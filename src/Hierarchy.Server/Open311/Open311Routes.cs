namespace Hierarchy.Server.Open311;

/// <summary>Maps the GeoReport v2 routes.</summary>
public static class Open311Routes
{
    /// <summary>Maps <c>/open311/v2/…</c>.</summary>
    public static RouteGroupBuilder MapOpen311(this WebApplication app)
    {
        var open311 = app.MapGroup(Open311Bridge.Root);
        open311.MapGet("/discovery.json", (Open311Bridge bridge, HttpContext http) => bridge.Discovery(http));
        open311.MapGet("/services.json", (Open311Bridge bridge, HttpContext http) => bridge.ServicesAsync(http));
        open311.MapGet("/services/{code}.json", (Open311Bridge bridge, HttpContext http, string code) => bridge.ServiceAsync(http, code));
        open311.MapGet("/requests.json", (Open311Bridge bridge, HttpContext http) => bridge.QueryAsync(http));
        open311.MapPost("/requests.json", (Open311Bridge bridge, HttpContext http) => bridge.PostAsync(http)).DisableAntiforgery();
        open311.MapGet("/requests/{id}.json", (Open311Bridge bridge, HttpContext http, string id) => bridge.GetOneAsync(http, id));
        open311.MapFallback("{**path}", Open311Bridge.NotFound);
        return open311;
    }
}
