using Hierarchy.Domain.Errors;
using Hierarchy.Server.Open311;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.OpenApi.Models;

namespace Hierarchy.Server.Http;

/// <summary>
/// The HTTP face of the same services: JSON transcoding of every <c>google.api.http</c> route in <c>protos/</c> (same
/// handlers, authentication and error map as gRPC), and the OpenAPI document of those routes.
/// </summary>
public static class HierarchyHttp
{
    /// <summary>Gets the path of the OpenAPI document.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>Registers JSON transcoding and the OpenAPI document.</summary>
    public static IServiceCollection AddHierarchyHttp(this IServiceCollection services)
    {
        services.AddGrpc().AddJsonTranscoding(options =>
        {
            // Enum names and 64-bit ids as strings, as protobuf's JSON mapping says: a browser's numbers lose ids past 2^53.
            options.JsonSettings.WriteInt64sAsStrings = true;
        });
        services.AddGrpcSwagger();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Hierarchy",
                Version = "v1",
                Description = "Who is responsible, the organisation and its issues (接诉即办), as JSON over HTTP: the same methods as the gRPC services in protos/. Send 'Authorization: Bearer <token>'.",
            });
            var comments = Path.Combine(AppContext.BaseDirectory, "Hierarchy.Grpc.xml");
            if (File.Exists(comments))
            {
                options.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
            }

            options.AddSecurityDefinition("bearer", new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer" });
            options.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });
        });
        services.AddSingleton<BridgedHandlers>();
        services.AddSingleton<Open311.Open311Bridge>();
        return services;
    }

    /// <summary>
    /// Maps gRPC-Web and the JSON routes of the hand-bound Responsibility service (both answer on every port), and, on the
    /// HTTP port only, the OpenAPI document, Open311 and the console.
    /// </summary>
    public static void MapHierarchyHttp(this WebApplication app, ServerSettings settings)
    {
        // Its gRPC endpoints duplicate the hand-bound ones' paths: ordered after them, so gRPC keeps the wire-form handlers.
        JsonBodyLimit.On(app.MapGrpcService<ResponsibilityJsonService>(), settings.MaxReceiveMessageSize)
            .Add(endpoint =>
            {
                if (endpoint is RouteEndpointBuilder route && !route.Metadata.OfType<GrpcJsonTranscodingMetadata>().Any())
                {
                    route.Order = 1;
                }
            });
        // Browsers' gRPC clients: gRPC-Web over HTTP/1.1 (or HTTP/2), in front of every service.
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        // A path no method answers gets the same JSON error body as a failed call, not an empty 404.
        app.MapFallback("/v1/{**path}", (HttpContext context) => Results.Json(
            new { code = (int)global::Grpc.Core.StatusCode.NotFound, message = $"no method answers {context.Request.Method} {Quote.Prefix(context.Request.Path.Value ?? string.Empty)}; see {OpenApiPath}", details = Array.Empty<object>() },
            statusCode: StatusCodes.Status404NotFound));
        if (settings.HttpListen is not { } http)
        {
            return;
        }

        // Port 0 (a free one) is known only once bound: then every port serves them.
        var host = http.Port == 0 ? "*" : $"*:{http.Port}";
        app.MapOpen311().RequireHost(host);
        app.MapAdminConsole(host);
        app.UseWhen(context => http.Port == 0 || context.Connection.LocalPort == http.Port, web =>
        {
            web.UseAdminConsoleFiles();
            web.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");
            web.UseSwaggerUI(options =>
            {
                options.RoutePrefix = "openapi";
                options.SwaggerEndpoint(OpenApiPath, "Hierarchy v1");
            });
        });
    }
}
