using System.Diagnostics;
using Livepeer.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Livepeer.Grains.Tests.Cluster;

/// <summary>The worker silo holding a model warm dies; the view drops it and jobs move to the other worker.</summary>
public sealed class WorkerFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Upper bound for the view to drop a killed silo (probe timeout 0.5 s × 2 missed probes, plus vote and gossip).</summary>
    private static readonly TimeSpan DropBound = TimeSpan.FromSeconds(20);

    private readonly string modelsRoot = Directory.CreateTempSubdirectory("livepeer-failover-").FullName;
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        string[] models = ["model-a"];
        cluster = await TestClusters.StartAsync([null, new WorkerSpec("w1", 1024, 2, models), new WorkerSpec("w2", 1024, 2, models)], modelsRoot);
        await TestClusters.ConfigureOrchestratorAsync(cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>(), models);
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        Directory.Delete(modelsRoot, recursive: true);
    }

    [Fact]
    public async Task KillSilo_HoldingWarmModel_ViewDropsItAndJobsLoadOnTheOtherWorker()
    {
        var grains = cluster.Client;
        await grains.GetGrain<IGpuGrain>("w1/0").LoadModelAsync("model-a", pinned: true);
        var w1 = TestClusters.SiloOfWorker(cluster, "w1");
        var w2 = TestClusters.SiloOfWorker(cluster, "w2");
        var view = TestClusters.View(cluster, cluster.Silos[0]);
        await Eventually.TrueAsync(() => view.Holders("model-a").Any(), TimeSpan.FromSeconds(10), "model-a warm in the view");
        var before = await TestClusters.SubmitAsync(grains, "model-a");
        Assert.Equal(w1.SiloAddress, before.Silo);

        var killed = Stopwatch.StartNew();
        await cluster.KillSiloAsync(w1);
        await Eventually.TrueAsync(() => !view.TryGet(w1.SiloAddress, out _), DropBound, "the view to drop the killed silo");
        output.WriteLine($"view dropped the killed silo {killed.ElapsedMilliseconds} ms after the kill started");
        Assert.True(killed.Elapsed < DropBound);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => TestClusters.SubmitAsync(grains, "model-a")));
        output.WriteLine($"first jobs after the kill completed {killed.ElapsedMilliseconds} ms after it");

        Assert.All(results, r => Assert.Equal(w2.SiloAddress, r.Silo));
        Assert.Contains(results, r => r.ColdStart);
        var status = await grains.GetGrain<IGpuGrain>("w2/0").GetStatusAsync();
        Assert.Equal(1, status.Loads);
        var placements = await grains.GetGrain<IModelResidencyGrain>("model-a").GetPlacementsAsync();
        Assert.Equal("w2/0", Assert.Single(placements).DeviceKey);
    }
}
