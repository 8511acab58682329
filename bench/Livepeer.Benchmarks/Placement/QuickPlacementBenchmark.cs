using System.Diagnostics;
using System.Globalization;
using Livepeer.Benchmarks.Cli;

namespace Livepeer.Benchmarks.Placement;

/// <summary>
/// Stopwatch measurement of the same decisions as <see cref="PlacementBenchmarks"/>, in seconds instead of minutes.
/// One call (a few µs) is too short to time alone, so calls are timed in batches and each batch's mean is one sample.
/// </summary>
internal static class QuickPlacementBenchmark
{
    private const int BatchSize = 50;

    public static void Run(int calls)
    {
        var cluster = PlacementCluster.Build();
        Console.WriteLine(cluster.Describe());
        foreach (var (name, workload) in PlacementCases.Create(cluster)) Measure(name, workload, calls);
        ColdPlacementBreakdown.Run(cluster);
    }

    private static void Measure(string name, PlacementWorkload workload, int calls)
    {
        // Tier-1 JIT and PGO settle within the first tens of thousands of calls.
        for (var i = 0; i < Math.Min(calls, 50_000); i++) workload.Decide();
        GC.Collect();

        var batches = Math.Max(1, calls / BatchSize);
        var perCall = new double[batches];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var collectionsBefore = GC.CollectionCount(0);
        for (var b = 0; b < batches; b++)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < BatchSize; i++) workload.Decide();
            perCall[b] = Stopwatch.GetElapsedTime(started).TotalMicroseconds / BatchSize;
        }

        var bytesPerCall = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)(batches * BatchSize);
        var gen0 = GC.CollectionCount(0) - collectionsBefore;
        workload.Drain();
        var stats = new Percentiles(perCall);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"placement-decision case={name} calls={batches * BatchSize} batch={BatchSize} p50_us={stats.At(50):F2} p99_us={stats.At(99):F2} " +
            $"mean_us={stats.Mean:F2} max_batch_us={stats.Max:F2} alloc_bytes_per_call={bytesPerCall:F0} gen0_collections={gen0}"));
    }
}
