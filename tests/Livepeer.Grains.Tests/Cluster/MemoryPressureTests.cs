using Livepeer.Contracts;
using Livepeer.ModelBuilder;
using Orleans.TestingHost;

namespace Livepeer.Grains.Tests.Cluster;

/// <summary>A device whose budget holds two models (2 × 100 MiB of 250 MiB) asked for a third.</summary>
public sealed class MemoryPressureTests : IAsyncLifetime
{
    private const string Device = "mp/0";
    private readonly string modelsRoot = Directory.CreateTempSubdirectory("livepeer-pressure-").FullName;
    private InProcessTestCluster cluster = null!;

    private IGrainFactory Grains => cluster.Client;

    public async Task InitializeAsync()
    {
        // "slow" is wide enough that a 256 px job keeps a slot busy for a noticeable time on this CPU.
        var slow = new TinyUpscalerSpec { HiddenChannels = 16, HiddenLayers = 2 };
        cluster = await TestClusters.StartAsync(
            [null, new WorkerSpec("mp", 250, 2, ["x", "y", "z", "slow"], new Dictionary<string, TinyUpscalerSpec> { ["slow"] = slow })],
            modelsRoot);
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        Directory.Delete(modelsRoot, recursive: true);
    }

    [Fact]
    public async Task LoadModel_ThirdModelOnFullDevice_EvictsLeastRecentlyUsedIdleModel()
    {
        var device = Grains.GetGrain<IGpuGrain>(Device);
        await device.LoadModelAsync("x", pinned: false);
        await device.LoadModelAsync("y", pinned: false);
        await device.RunAsync(TestClusters.Job("x"));

        Assert.True(await device.LoadModelAsync("z", pinned: false));

        var status = await device.GetStatusAsync();
        Assert.Equal(["x", "z"], status.Models.Select(m => m.ModelId).Order());
        Assert.Equal(1, status.Evictions);
        Assert.True(status.MemoryReservedBytes <= status.MemoryBudgetBytes);
        var placements = await Grains.GetGrain<IModelResidencyGrain>("y").GetPlacementsAsync();
        Assert.Empty(placements);
    }

    [Fact]
    public async Task LoadModel_LeastRecentlyUsedModelHasJobRunning_EvictsTheIdleOneInstead()
    {
        var device = Grains.GetGrain<IGpuGrain>(Device);
        await device.LoadModelAsync("slow", pinned: false);
        await device.LoadModelAsync("y", pinned: false);
        await device.RunAsync(TestClusters.Job("y"));

        // "slow" is now the least recently used; give it a long job and wait until the device reports it running.
        var running = device.RunAsync(TestClusters.Job("slow", size: 256));
        await WaitUntilAsync(device, running, s => s.Models.Any(m => m.ModelId == "slow" && m.ActiveJobs == 1));

        await device.LoadModelAsync("z", pinned: false);
        var during = await device.GetStatusAsync();
        var result = await running;

        Assert.Equal(["slow", "z"], during.Models.Select(m => m.ModelId).Order());
        Assert.Equal(256 * 256, result.Units);
    }

    [Fact]
    public async Task LoadModel_EveryResidentModelBusy_RefusesInsteadOfEvicting()
    {
        var device = Grains.GetGrain<IGpuGrain>(Device);
        await device.LoadModelAsync("slow", pinned: false);
        await device.LoadModelAsync("y", pinned: true);

        var running = device.RunAsync(TestClusters.Job("slow", size: 256));
        await WaitUntilAsync(device, running, s => s.Models.Any(m => m.ModelId == "slow" && m.ActiveJobs == 1));
        var error = await Assert.ThrowsAsync<JobFailedException>(() => device.LoadModelAsync("z", pinned: false));
        await running;

        Assert.Equal(JobErrorKind.NoWorker, error.Kind);
        Assert.Contains("nothing idle to evict", error.Message, StringComparison.Ordinal);
        var status = await device.GetStatusAsync();
        Assert.Equal(["slow", "y"], status.Models.Select(m => m.ModelId).Order());
    }

    /// <summary>Waits until the device reports the job running; fails at once if the job ends first.</summary>
    private static async Task WaitUntilAsync(IGpuGrain device, Task<JobResult> job, Func<DeviceStatus, bool> condition)
    {
        for (var i = 0; i < 1000; i++)
        {
            var status = await device.GetStatusAsync();
            if (condition(status)) return;
            if (job.IsCompleted)
            {
                var result = await job;
                throw new InvalidOperationException($"The job ended ({result.RunTime.TotalMilliseconds:F0} ms) before the device was seen running it.");
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("The device never reached the expected state.");
    }
}
