using System.IO.Compression;
using Grpc.AspNetCore.Server.Model;
using Grpc.Reflection;
using Hierarchy.Server.Health;
using Hierarchy.Server.Http;
using Hierarchy.Server.Services;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProtoServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Hierarchy.Server.Pipeline;

/// <summary>Hierarchy's services on Grpc.AspNetCore: the call pipeline, limits, health, reflection and the endpoints.</summary>
public static class HierarchyGrpc
{
    /// <summary>Gets every service this server answers, as reflection lists them.</summary>
    public static IReadOnlyList<ProtoServiceDescriptor> Services { get; } =
    [
        V1.ResponsibilityService.Descriptor,
        V1.DirectoryService.Descriptor,
        V1.PartyMemberService.Descriptor,
        V1.IssueService.Descriptor,
        V1.StatsService.Descriptor,
        V1.AdminService.Descriptor,
        V1.SupervisionService.Descriptor,
        V1.OrganizationService.Descriptor,
        CanonicalDescriptor.Of(global::Grpc.Health.V1.Health.Descriptor, "grpc/health/v1/health.proto"),
        CanonicalDescriptor.Of(global::Grpc.Reflection.V1.ServerReflection.Descriptor, "grpc/reflection/v1/reflection.proto"),
        CanonicalDescriptor.Of(global::Grpc.Reflection.V1Alpha.ServerReflection.Descriptor, "grpc/reflection/v1alpha/reflection.proto"),
    ];

    /// <summary>Registers the gRPC services, their interceptors, health checks and reflection.</summary>
    public static IServiceCollection AddHierarchyGrpc(this IServiceCollection services, ServerSettings settings)
    {
        // Singletons: an interceptor missing from the container would be constructed for every call.
        services.AddSingleton<ErrorMapInterceptor>();
        services.AddSingleton<AuthenticationInterceptor>();
        services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = settings.MaxReceiveMessageSize;
            options.MaxSendMessageSize = settings.MaxSendMessageSize;
            // The error map answers for every handler, so what reaches the library is a broken request: say what was wrong with it.
            options.EnableDetailedErrors = true;
            options.ResponseCompressionLevel = CompressionLevel.Fastest;
            options.Interceptors.Add<ErrorMapInterceptor>();
        });
        services.AddSingleton<IServiceMethodProvider<ResponsibilityService>, ResponsibilityServiceMethods>();
        Authenticated<ResponsibilityService>(services);
        Authenticated<Http.ResponsibilityJsonService>(services);
        Authenticated<PartyMemberService>(services);
        Authenticated<IssueService>(services);
        Authenticated<StatsService>(services);
        // Plans and pages of units are large and rare: worth gzip for a caller that accepts it; Resolve is neither.
        Authenticated<DirectoryService>(services, compressed: true);
        Authenticated<AdminService>(services, compressed: true);
        Authenticated<SupervisionService>(services, compressed: true);
        Authenticated<OrganizationService>(services);

        services.AddGrpcHealthChecks(options =>
            {
                options.UseHealthChecksCache = true;
                foreach (var service in Services.Where(s => s.File.Package == "hierarchy.v1"))
                {
                    options.Services.Map(service.FullName, _ => true);
                }
            })
            .AddCheck<StorageHealthCheck>("storage", timeout: TimeSpan.FromSeconds(2));
        services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.FromSeconds(1);
            options.Period = TimeSpan.FromSeconds(1);
        });

        // Reflection lists the services named above: the hand-bound ResponsibilityService has no generated base to find.
        services.AddSingleton(new ReflectionServiceImpl(Services));
        services.AddSingleton(new ReflectionV1ServiceImpl(Services));
        services.AddGrpcReflection();
        return services;
    }

    /// <summary>Maps every service's endpoints.</summary>
    public static void MapHierarchyGrpc(this IEndpointRouteBuilder endpoints)
    {
        long json = endpoints.ServiceProvider.GetRequiredService<ServerSettings>().MaxReceiveMessageSize;
        endpoints.MapGrpcService<ResponsibilityService>();
        JsonBodyLimit.On(endpoints.MapGrpcService<DirectoryService>(), json);
        JsonBodyLimit.On(endpoints.MapGrpcService<PartyMemberService>(), json);
        JsonBodyLimit.On(endpoints.MapGrpcService<IssueService>(), json);
        JsonBodyLimit.On(endpoints.MapGrpcService<StatsService>(), json);
        JsonBodyLimit.On(endpoints.MapGrpcService<AdminService>(), json);
        JsonBodyLimit.On(endpoints.MapGrpcService<SupervisionService>(), json);
        JsonBodyLimit.On(endpoints.MapGrpcService<OrganizationService>(), json);
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
    }

    private static void Authenticated<TService>(IServiceCollection services, bool compressed = false)
        where TService : class
    {
        services.AddSingleton<TService>();
        services.AddGrpc().AddServiceOptions<TService>(options =>
        {
            options.Interceptors.Add<AuthenticationInterceptor>();
            if (compressed)
            {
                options.ResponseCompressionAlgorithm = "gzip";
            }
        });
    }
}
