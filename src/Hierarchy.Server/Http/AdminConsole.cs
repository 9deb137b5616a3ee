using Hierarchy.Domain.ReadModel;
using Microsoft.Extensions.FileProviders;

namespace Hierarchy.Server.Http;

/// <summary>
/// The admin console: static files (Preact with htm, vendored; no build step) at <c>/</c> that call the JSON API with the
/// token a person signs in with, and the tree's roots for its first screen.
/// </summary>
public static class AdminConsole
{
    /// <summary>Gets the folder the console's files are copied to beside the server.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Console");

    /// <summary>Maps <c>/</c> and <c>/console/roots.json</c> for requests to <paramref name="host"/>.</summary>
    public static void MapAdminConsole(this WebApplication app, string host)
    {
        app.MapGet("/", () => Results.File(Path.Combine(Folder, "index.html"), "text/html; charset=utf-8")).RequireHost(host);
        // The districts are public knowledge; everything under them is read through the API with a token.
        app.MapGet("/console/roots.json", (HierarchyState state) => Results.Json(Roots(state.Tree))).RequireHost(host);
    }

    /// <summary>Serves the console's files under <c>/console/</c>.</summary>
    public static IApplicationBuilder UseAdminConsoleFiles(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = new PhysicalFileProvider(Folder),
        RequestPath = "/console",
        // A new server's console must not run on an old script a browser kept.
        OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
    });

    private static List<object> Roots(OrgTreeSnapshot tree) =>
    [
        .. tree.Roots().Select(tree.UnitAt).Select(unit => (object)new
        {
            id = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), code = unit.Code, name = unit.Name, level = "DISTRICT",
        }),
    ];
}
