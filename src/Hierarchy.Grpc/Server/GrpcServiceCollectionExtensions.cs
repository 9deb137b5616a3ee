using Hierarchy.Grpc.Standard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Grpc.Server;

/// <summary>Registers the gRPC protocol layer and its services with an ASP.NET Core host.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds the dispatcher, the health service and server reflection (v1 and v1alpha).</summary>
    public static IServiceCollection AddGrpcProtocol(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddSingleton<GrpcDispatcher>();
        services.AddSingleton<HealthStatusBoard>();
        services.AddGrpcService<HealthService>();
        services.AddGrpcService<ReflectionServiceV1>();
        services.AddGrpcService<ReflectionServiceV1Alpha>();
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            // Streams have no natural size; messages are limited one by one instead.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
        });
        return services;
    }

    /// <summary>Adds a service implementation; its methods are bound when the dispatcher starts.</summary>
    public static IServiceCollection AddGrpcService<TService>(this IServiceCollection services)
        where TService : class, IGrpcService, IDescribedService
    {
        services.AddSingleton<TService>();
        services.AddSingleton(new GrpcServiceRegistration(TService.Descriptor, sp => sp.GetRequiredService<TService>()));
        return services;
    }

    /// <summary>Sends every request to the gRPC dispatcher.</summary>
    public static void RunGrpc(this WebApplication app)
    {
        var dispatcher = app.Services.GetRequiredService<GrpcDispatcher>();
        app.Services.GetRequiredService<HealthStatusBoard>().MarkAllServing();
        app.Lifetime.ApplicationStopping.Register(() => app.Services.GetRequiredService<HealthStatusBoard>().ShutDown());
        app.Run(dispatcher.HandleAsync);
    }
}
