using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Livepeer.Grains.Tests.Cluster;

/// <summary>
/// Three silos: Silo_0 without the worker role, Silo_1 = worker w1 with model-a warm, Silo_2 = worker w2 with model-b warm.
/// Both workers have models a–d installed; each test uses its own models so tests do not disturb each other.
/// </summary>
public sealed class PlacementClusterFixture : IAsyncLifetime
{
    public static readonly string[] Models = ["model-a", "model-b", "model-c", "model-d"];
    private readonly string modelsRoot = Directory.CreateTempSubdirectory("livepeer-placement-").FullName;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        Cluster = await TestClusters.StartAsync(
            [null, new WorkerSpec("w1", 2048, 4, Models), new WorkerSpec("w2", 2048, 4, Models)], modelsRoot);
        await Grains.GetGrain<Contracts.IGpuGrain>("w1/0").LoadModelAsync("model-a", pinned: true);
        await Grains.GetGrain<Contracts.IGpuGrain>("w2/0").LoadModelAsync("model-b", pinned: true);
        // As the orchestrator role's start-up does: the orchestrator grain activates on the non-worker silo.
        await TestClusters.ConfigureOrchestratorAsync(Cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>(), Models);
        await Eventually.TrueAsync(
            () => Cluster.Silos.All(s => TestClusters.View(Cluster, s).Holders("model-a").Any() && TestClusters.View(Cluster, s).Holders("model-b").Any()),
            TimeSpan.FromSeconds(10), "warm models to reach every view");
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Directory.Delete(modelsRoot, recursive: true);
    }
}
