using Livepeer.Contracts;
using Livepeer.Grains;
using Livepeer.Grains.Devices;
using Livepeer.Grains.Hosting;
using Livepeer.Grains.Placement;
using Livepeer.Grains.Residency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Livepeer.Benchmarks.Jobs;

/// <summary>
/// A real silo in this process, wired the way the host wires a worker (localhost clustering, memory storage, the worker
/// role with one CPU device), with an orchestrator configured for one tiny model that is loaded warm before any load.
/// </summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    public const string WorkerId = "bench-worker";
    public const string Orchestrator = "0x00000000000000000000000000000000000000c1";
    public const string DeviceKey = WorkerId + "/0";

    private readonly IHost host;
    private readonly ShutdownLogFilter logFilter;

    private BenchSilo(IHost host, ShutdownLogFilter logFilter)
    {
        this.host = host;
        this.logFilter = logFilter;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
        Ledger = host.Services.GetRequiredService<PlacementLedger>();
    }

    public IGrainFactory Grains { get; }

    /// <summary>The silo's placement ledger; a caller of a job grain other than the orchestrator must release its entries.</summary>
    public PlacementLedger Ledger { get; }

    public static async Task<BenchSilo> StartAsync(string modelsRoot, string modelId, int slots)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        var logFilter = new ShutdownLogFilter();
        builder.Logging.AddFilter(logFilter.Allows);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreeTcpPorts.Next(), FreeTcpPorts.Next());
            silo.AddMemoryGrainStorage(LivepeerStorage.Name);
            silo.AddLivepeerWorker(w =>
            {
                w.Id = WorkerId;
                w.ModelsPath = modelsRoot;
                w.Devices = [new DeviceOptions { Kind = "cpu", Index = 0, Slots = slots, MemoryMb = 1024, ThreadsPerRun = 1 }];
            });
        });

        var silo = new BenchSilo(builder.Build(), logFilter);
        await silo.host.StartAsync();
        var view = silo.host.Services.GetRequiredService<ClusterResidencyView>();
        await WaitUntilAsync(() => view.Silos.Count == 1, "the worker silo to appear in the residency view");
        await silo.Grains.GetGrain<IOrchestratorGrain>(Orchestrator).ConfigureAsync(new OrchestratorConfiguration(
            Orchestrator, [new ModelCapability("upscale", modelId, Warm: false, Capacity: 100_000, 1m, 1, "wei", "default")]));
        await silo.Grains.GetGrain<IGpuGrain>(DeviceKey).LoadModelAsync(modelId, pinned: false);
        await WaitUntilAsync(() => view.Holders(modelId).Any(h => h.Model.State == ModelState.Warm), "the model to be warm in the residency view");
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        logFilter.Stopping = true;
        await host.StopAsync();
        host.Dispose();
    }

    /// <summary>
    /// Warnings and errors while running; nothing once stopping. On shutdown the orchestrator flushes its counters to
    /// memory storage whose grains are already gone, which logs errors unrelated to the measurement.
    /// </summary>
    private sealed class ShutdownLogFilter
    {
        public volatile bool Stopping;

        public bool Allows(string? category, LogLevel level) => !Stopping && level >= LogLevel.Warning;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(20);
        }
    }
}
