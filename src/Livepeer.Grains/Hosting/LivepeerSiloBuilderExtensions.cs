using Livepeer.Grains.Devices;
using Livepeer.Grains.Orchestration;
using Livepeer.Grains.Placement;
using Livepeer.Grains.Residency;
using Livepeer.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livepeer.Grains.Hosting;

/// <summary>Adds the Livepeer roles to a silo.</summary>
public static class LivepeerSiloBuilderExtensions
{
    /// <summary>What every silo needs: the residency view and its snapshot endpoint, and the placement directors.</summary>
    public static ISiloBuilder AddLivepeerCluster(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Each role calls this; the grain service and directors must be registered once.
        if (builder.Services.Any(d => d.ServiceType == typeof(ClusterResidencyView))) return builder;
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ClusterResidencyView>();
        builder.Services.TryAddSingleton(sp => new ModelPopularity(sp.GetRequiredService<TimeProvider>(), ModelPopularity.DefaultHalfLife));
        builder.Services.TryAddSingleton<ResidencyViewClient>();
        builder.Services.TryAddSingleton<PlacementLedger>();
        builder.AddGrainService<ResidencyViewService>();
        builder.AddPlacementDirector<WarmModelPlacement, WarmModelPlacementDirector>();
        builder.AddPlacementDirector<DevicePlacement, DevicePlacementDirector>();
        return builder;
    }

    /// <summary>The worker role: devices from <see cref="WorkerOptions"/> (section <c>Livepeer:Worker</c>), installed models, and publishing residency.</summary>
    public static ISiloBuilder AddLivepeerWorker(this ISiloBuilder builder, Action<WorkerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddLivepeerCluster();
        var options = builder.Services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateOnStart();
        if (configure is not null) options.Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>());
        builder.Services.TryAddSingleton<LocalWorker>();
        builder.Services.TryAddSingleton<IWorkerSilo>(sp => sp.GetRequiredService<LocalWorker>());
        builder.Services.TryAddSingleton<IModelLoader>(sp => new OnnxModelLoader(sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<ResidencyPublisher>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<ResidencyPublisher>());
        return builder;
    }

    /// <summary>
    /// The orchestrator role: identity and <c>aiModels.json</c> from <see cref="OrchestratorOptions"/> (section
    /// <c>Livepeer:Orchestrator</c>), and the recipient side of payments (<c>Livepeer:Orchestrator:Payments</c>, <c>Livepeer:Chain</c>).
    /// </summary>
    public static ISiloBuilder AddLivepeerOrchestrator(this ISiloBuilder builder, Action<OrchestratorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddLivepeerCluster();
        var options = builder.Services.AddOptions<OrchestratorOptions>().BindConfiguration(OrchestratorOptions.Section).ValidateOnStart();
        if (configure is not null) options.Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrchestratorOptions>, OrchestratorOptionsValidator>());
        builder.Services.AddLivepeerPaymentRecipient();
        builder.Services.AddSingleton<OrchestratorStartup>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<OrchestratorStartup>());
        return builder;
    }
}
