using Livepeer.Grains.Placement;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Livepeer.Grains.Tests.Cluster;

/// <summary>
/// Single-flight cold loads: a burst of concurrent jobs for a model warm nowhere causes exactly one load, and every job
/// completes on that copy. The workers have 16 slots each, so the burst can never queue the 4 jobs per slot that make
/// placement load a second copy (the scale-out rule, tested in PlacementPolicyTests): with 4 slots, whether the last jobs
/// of the burst arrive before or after the first copy turns warm decided between one load and two.
/// </summary>
public sealed class ColdBurstTests : IAsyncLifetime
{
    private const int Burst = 50;
    private const int Slots = 16;
    private readonly string modelsRoot = Directory.CreateTempSubdirectory("livepeer-cold-burst-").FullName;
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        string[] models = ["model-cold"];
        cluster = await TestClusters.StartAsync([null, new WorkerSpec("b1", 2048, Slots, models), new WorkerSpec("b2", 2048, Slots, models)], modelsRoot);
        await TestClusters.ConfigureOrchestratorAsync(cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>(), models);
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        Directory.Delete(modelsRoot, recursive: true);
    }

    [Fact]
    public async Task Jobs_50ConcurrentForModelWarmNowhere_ExactlyOneLoadAndAllComplete()
    {
        Assert.True(Burst < Slots + PlacementPolicy.ScaleOutQueueDepth * Slots, "the burst must stay below the scale-out backlog");
        var before = await TestClusters.DevicesAsync(cluster.Client, "b1/0", "b2/0");

        var results = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => TestClusters.SubmitAsync(cluster.Client, "model-cold")));

        var after = await TestClusters.DevicesAsync(cluster.Client, "b1/0", "b2/0");
        Assert.Equal(Burst, results.Length);
        Assert.Equal(1, after.Sum(d => d.Loads) - before.Sum(d => d.Loads));
        var holder = Assert.Single(after, d => d.Models.Any(m => m.ModelId == "model-cold"));
        Assert.All(results, r => Assert.Equal(holder.DeviceKey, r.DeviceKey));
        Assert.Contains(results, r => r.ColdStart);
    }
}
