using System.Collections.Immutable;
using System.Globalization;
using Livepeer.Contracts;
using Livepeer.Media;
using Livepeer.ModelBuilder;
using Livepeer.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Livepeer.Grains.Tests.Cluster;

/// <summary>
/// Image-to-video on a worker whose device has one slot: the device's part (denoise, decode) holds the slot, the MP4
/// encoding does not, so the next job computes while the previous one encodes.
/// </summary>
public sealed class VideoSlotTests : IAsyncLifetime
{
    private const string Model = "video-a";
    private readonly string modelsRoot = Directory.CreateTempSubdirectory("livepeer-video-slot-").FullName;
    private InProcessTestCluster cluster = null!;

    private IOrchestratorGrain Orchestrator => cluster.Client.GetGrain<IOrchestratorGrain>(TestClusters.Orchestrator);

    public async Task InitializeAsync()
    {
        TinyVideoDiffusionFolder.Write(Path.Combine(modelsRoot, "vid"), Model, new TinyVideoDiffusionSpec { Frames = 14 });
        cluster = await TestClusters.StartAsync([new WorkerSpec("vid", 1024, 1, [])], modelsRoot);
        await cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IOrchestratorGrain>(TestClusters.Orchestrator)
            .ConfigureAsync(new OrchestratorConfiguration(TestClusters.Orchestrator, [new ModelCapability(PipelineNames.ImageToVideo, Model, false, 8, 0m, 1, "wei", "default")]));
        await cluster.Client.GetGrain<IGpuGrain>("vid/0").LoadModelAsync(Model, pinned: true);
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        Directory.Delete(modelsRoot, recursive: true);
    }

    [Fact]
    public async Task TwoVideosOnOneSlot_TheSecondTakesTheSlotWhileTheFirstIsStillEncoding()
    {
        var results = await Task.WhenAll(Orchestrator.SubmitJobAsync(Job(1)), Orchestrator.SubmitJobAsync(Job(2)));

        var ordered = results.OrderBy(r => At(r, "slot_acquired_at")).ToArray();
        var (first, second) = (ordered[0], ordered[1]);
        Assert.All(results, r => Assert.Equal("video/mp4", Assert.Single(r.Artifacts).ContentType));

        // One slot: the second job waits for the first's device part, then runs while the first encodes.
        Assert.True(At(second, "slot_acquired_at") >= At(first, "slot_released_at"), "one slot: no overlap on the device");
        Assert.True(At(second, "slot_acquired_at") < At(first, "finished_at"),
            $"the second job got the slot at {At(second, "slot_acquired_at"):O}, after the first finished encoding at {At(first, "finished_at"):O}");
        var status = (await TestClusters.DevicesAsync(cluster.Client, "vid/0"))[0];
        Assert.Equal(0, status.BusySlots);
    }

    private static DateTimeOffset At(JobResult result, string key) =>
        DateTimeOffset.Parse(result.Metadata[key], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static JobRequest Job(int seed) => new(
        Guid.NewGuid().ToString("N"), PipelineNames.ImageToVideo, Model,
        ImmutableDictionary<string, string>.Empty
            .Add("width", "128").Add("height", "96").Add("num_inference_steps", "2").Add("fps", "7")
            .Add("seed", seed.ToString(CultureInfo.InvariantCulture)),
        ImageCodec.EncodePng(new RgbImage(64, 48, Enumerable.Range(0, 64 * 48 * 3).Select(i => (byte)(i * seed)).ToArray())));
}
