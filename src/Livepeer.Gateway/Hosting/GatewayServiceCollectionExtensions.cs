using Livepeer.Gateway.Http;
using Livepeer.Grains.Hosting;
using Livepeer.Gateway.Routing;
using Livepeer.Media;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Livepeer.Gateway.Hosting;

/// <summary>Adds the gateway role's services: API options, background routing, payments, job dispatch, asynchronous jobs and the media store.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>Multipart framing on top of the largest file.</summary>
    private const long FormOverhead = 1024 * 1024;

    /// <summary>Registers the gateway; options come from <c>Livepeer:Gateway</c> and are validated at start.</summary>
    public static IServiceCollection AddLivepeerGateway(this IServiceCollection services, Action<AiGatewayOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AiGatewayOptions>().BindConfiguration(AiGatewayOptions.Section).ValidateOnStart();
        if (configure is not null) options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AiGatewayOptions>, AiGatewayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<RouteTableHolder>();
        services.AddSingleton<OrchestratorBook>();
        services.AddSingleton<OrchestratorSelector>();
        services.AddLivepeerPaymentSender();
        services.AddSingleton<JobDispatcher>();
        services.AddSingleton<JobGateway>();
        services.AddSingleton<AsyncJobRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<AsyncJobRegistry>());
        services.AddSingleton<RouteRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<RouteRefresher>());
        services.AddSingleton<ApiErrorFilter>();
        services.AddSingleton<BearerAuthFilter>();
        services.AddSingleton<IMediaStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AiGatewayOptions>>().Value;
            return new FileSystemMediaStore(new MediaStoreOptions { Root = o.MediaRoot, Retention = o.MediaRetention }, sp.GetRequiredService<TimeProvider>());
        });

        // Uploads are bounded by the largest allowed file; beyond that the server stops reading and answers 413.
        services.AddOptions<FormOptions>().Configure<IOptions<AiGatewayOptions>>((form, gateway) =>
            form.MultipartBodyLengthLimit = Math.Max(gateway.Value.MaxImageBytes, gateway.Value.MaxAudioBytes) + FormOverhead);
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<AiGatewayOptions>>((kestrel, gateway) =>
            kestrel.Limits.MaxRequestBodySize = Math.Max(gateway.Value.MaxImageBytes, gateway.Value.MaxAudioBytes) + FormOverhead);
        services.AddOpenApi("v1", o =>
        {
            o.AddOperationTransformer<RequestBodyOperationTransformer>();
            o.AddSchemaTransformer<UploadSchemaTransformer>();
        });
        return services;
    }
}
