using System.Globalization;
using System.Runtime;
using Livepeer.Benchmarks.Cli;
using Livepeer.ModelBuilder;

namespace Livepeer.Benchmarks.Jobs;

/// <summary>
/// <c>jobs</c>: closed-loop load on a real in-process silo with one tiny model warm, per path and concurrency.
/// <c>--probe</c> first times the ONNX run alone and adds the empty-call and empty-activation paths.
/// </summary>
internal static class JobsCommand
{
    private const string ModelId = "bench/tiny";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = JobsOptions.Parse(args);
        var modelsRoot = Path.Combine(Path.GetTempPath(), $"livepeer-bench-models-{Environment.ProcessId}");
        try
        {
            ModelFolders.WriteTinyUpscaler(modelsRoot, ModelId, new TinyUpscalerSpec { HiddenChannels = 4, HiddenLayers = 0 }, 64L * 1024 * 1024);
            var requests = new JobRequests(ModelId, options.Shape);
            MachineFacts.Print();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"jobs model={ModelId} shape={string.Join(',', options.Shape)} slots={options.Slots} threads_per_run=1 warmup_s={options.Warmup.TotalSeconds} " +
                $"duration_s={options.Duration.TotalSeconds} server_gc={GCSettings.IsServerGC} concurrent_gc={IsConcurrentGc()}"));

            var paths = options.Paths.ToList();
            if (options.Probe)
            {
                OnnxRunProbe.Run(modelsRoot, ModelId, requests, TimeSpan.FromSeconds(3), threadsPerRun: 1);
                paths.InsertRange(0, ["empty", "activate"]);
            }

            await using var silo = await BenchSilo.StartAsync(modelsRoot, ModelId, options.Slots);
            foreach (var concurrency in options.Concurrency)
            {
                foreach (var name in paths)
                {
                    var result = await ClosedLoopLoad.RunAsync(JobPath.Create(name, silo, requests), concurrency, options.Warmup, options.Duration);
                    Console.WriteLine(result.Line());
                    if (result.FirstError is { } error) Console.WriteLine($"jobpath-error path={name} first={error}");
                }
            }

            MachineFacts.Print();
            return 0;
        }
        finally
        {
            Directory.Delete(modelsRoot, recursive: true);
        }
    }

    // Non-concurrent GC shows as the Batch latency mode; concurrent GC as Interactive.
    private static bool IsConcurrentGc() => GCSettings.LatencyMode != GCLatencyMode.Batch;
}
