using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Livepeer.Contracts;
using Livepeer.Grains.Devices;
using Livepeer.Grains.Hosting;
using Livepeer.Grains.Residency;
using Livepeer.ModelBuilder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Livepeer.Grains.Tests.Cluster;

/// <summary>Builds in-process clusters whose silos are workers (per a <see cref="WorkerSpec"/>) or plain silos (null), each with any extra set-up a fixture adds.</summary>
internal static class TestClusters
{
    public const string Orchestrator = "0x00000000000000000000000000000000000000a1";
    public const long ModelMemoryMb = 100;

    public static async Task<InProcessTestCluster> StartAsync(IReadOnlyList<WorkerSpec?> silos, string modelsRoot, Action<ISiloBuilder>? configure = null)
    {
        foreach (var spec in silos.OfType<WorkerSpec>())
        {
            foreach (var model in spec.Models)
            {
                var graph = spec.Specs?.GetValueOrDefault(model) ?? new TinyUpscalerSpec { HiddenChannels = 4, HiddenLayers = 0 };
                ModelFolders.WriteTinyUpscaler(Path.Combine(modelsRoot, spec.WorkerId), model, graph, ModelMemoryMb * 1024 * 1024);
            }
        }

        var builder = new InProcessTestClusterBuilder((short)silos.Count);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.AssumeHomogenousSilosForTesting = false;
        builder.ConfigureSilo((options, silo) =>
        {
            silo.AddMemoryGrainStorage(LivepeerStorage.Name);
            silo.Configure<ClusterMembershipOptions>(m =>
            {
                // Declare a killed silo dead within seconds instead of the production minute.
                m.ProbeTimeout = TimeSpan.FromMilliseconds(500);
                m.NumMissedProbesLimit = 2;
                m.NumVotesForDeathDeclaration = 1;
                m.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            });
            configure?.Invoke(silo);
            var index = int.Parse(options.SiloName.AsSpan("Silo_".Length), CultureInfo.InvariantCulture);
            if (index >= silos.Count || silos[index] is not { } spec)
            {
                silo.AddLivepeerCluster();
                return;
            }

            silo.AddLivepeerWorker(w =>
            {
                w.Id = spec.WorkerId;
                w.ModelsPath = Path.Combine(modelsRoot, spec.WorkerId);
                w.Devices = [new DeviceOptions { Kind = "cpu", Index = 0, MemoryMb = spec.MemoryMb, Slots = spec.Slots, ThreadsPerRun = 1 }];
            });
        });

        var cluster = builder.Build();
        await cluster.DeployAsync();
        await WaitForWorkersAsync(cluster, silos.Count(s => s is not null));
        return cluster;
    }

    public static ClusterResidencyView View(InProcessTestCluster cluster, InProcessSiloHandle silo) =>
        silo.ServiceProvider.GetRequiredService<ClusterResidencyView>();

    /// <summary>Waits until every silo's residency view lists <paramref name="workers"/> worker silos.</summary>
    public static Task WaitForWorkersAsync(InProcessTestCluster cluster, int workers) =>
        Eventually.TrueAsync(() => cluster.Silos.All(s => View(cluster, s).Silos.Count == workers), TimeSpan.FromSeconds(30), "residency views to list every worker");

    public static InProcessSiloHandle SiloOfWorker(InProcessTestCluster cluster, string workerId) =>
        cluster.Silos.Single(s => s.ServiceProvider.GetService<IWorkerSilo>()?.Id == workerId);

    /// <summary>Offers <paramref name="models"/> for free: placement tests submit jobs without payments (payment tests price theirs).</summary>
    public static Task ConfigureOrchestratorAsync(IGrainFactory grains, IEnumerable<string> models, int capacity = 1000) =>
        grains.GetGrain<IOrchestratorGrain>(Orchestrator).ConfigureAsync(new OrchestratorConfiguration(
            Orchestrator,
            [.. models.Select(m => new ModelCapability("upscale", m, false, capacity, 0m, 1, "wei", "default"))]));

    public static JobRequest Job(string modelId, int size = 8)
    {
        var pixels = new float[3 * size * size];
        var random = new Random(size);
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (float)random.NextDouble();
        return new JobRequest(
            Guid.NewGuid().ToString("N"), "upscale", modelId,
            ImmutableDictionary<string, string>.Empty.Add("shape", $"1,3,{size},{size}"),
            MemoryMarshal.AsBytes(pixels.AsSpan()).ToArray());
    }

    public static Task<JobResult> SubmitAsync(IGrainFactory grains, string modelId, int size = 8) =>
        grains.GetGrain<IOrchestratorGrain>(Orchestrator).SubmitJobAsync(Job(modelId, size));

    public static async Task<IReadOnlyList<DeviceStatus>> DevicesAsync(IGrainFactory grains, params string[] deviceKeys) =>
        await Task.WhenAll(deviceKeys.Select(k => grains.GetGrain<IGpuGrain>(k).GetStatusAsync()));
}
