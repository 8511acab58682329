using Livepeer.Contracts;
using Livepeer.ModelBuilder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Livepeer.Grains.Tests.Cluster;

/// <summary>The orchestrator's capacity reservation: taken at admission, given back on success, failure and cancellation.</summary>
public sealed class AdmissionTests : IAsyncLifetime
{
    private readonly string modelsRoot = Directory.CreateTempSubdirectory("livepeer-admission-").FullName;
    private InProcessTestCluster cluster = null!;

    private IOrchestratorGrain Orchestrator => cluster.Client.GetGrain<IOrchestratorGrain>(TestClusters.Orchestrator);

    public async Task InitializeAsync()
    {
        var slow = new TinyUpscalerSpec { HiddenChannels = 24, HiddenLayers = 2 };
        cluster = await TestClusters.StartAsync([null, new WorkerSpec("adm", 1024, 2, ["slow"], new Dictionary<string, TinyUpscalerSpec> { ["slow"] = slow })], modelsRoot);
        await TestClusters.ConfigureOrchestratorAsync(cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>(), ["slow"], capacity: 1);
        await cluster.Client.GetGrain<IGpuGrain>("adm/0").LoadModelAsync("slow", pinned: true);
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        Directory.Delete(modelsRoot, recursive: true);
    }

    [Fact]
    public async Task SubmitJob_CapacityTaken_RefusedUntilTheRunningJobEnds()
    {
        var running = Orchestrator.SubmitJobAsync(TestClusters.Job("slow", size: 384));
        await WaitForInUseAsync(1);

        var refused = await Assert.ThrowsAsync<JobFailedException>(() => Orchestrator.SubmitJobAsync(TestClusters.Job("slow")));
        await running;
        await WaitForInUseAsync(0);
        var after = await Orchestrator.SubmitJobAsync(TestClusters.Job("slow"));

        Assert.Equal(JobErrorKind.CapacityExhausted, refused.Kind);
        Assert.Equal(64, after.Units);
    }

    [Fact]
    public async Task SubmitJob_CallerCancels_CapacityIsReleasedAndCountedAsFailed()
    {
        var before = await Orchestrator.GetInfoAsync();
        using var cancel = new CancellationTokenSource();
        var running = Orchestrator.SubmitJobAsync(TestClusters.Job("slow", size: 512), cancel.Token);
        await WaitForInUseAsync(1);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        await WaitForInUseAsync(0);
        var info = await Orchestrator.GetInfoAsync();

        Assert.Equal(before.JobsFailed + 1, info.JobsFailed);
        Assert.Equal(before.JobsCompleted, info.JobsCompleted);
        Assert.Equal(64, (await Orchestrator.SubmitJobAsync(TestClusters.Job("slow"))).Units);
    }

    private async Task WaitForInUseAsync(int expected)
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var info = await Orchestrator.GetInfoAsync();
            if (info.Capabilities.Single().InUse == expected) return;
            await Task.Delay(5);
        }

        throw new TimeoutException($"Capacity in use never became {expected}.");
    }
}
