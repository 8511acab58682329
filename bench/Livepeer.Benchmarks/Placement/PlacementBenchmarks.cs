using BenchmarkDotNet.Attributes;

namespace Livepeer.Benchmarks.Placement;

/// <summary>
/// One warm-model placement decision (<c>WarmModelPlacementDirector.Choose</c>) against a 16-silo, 50-model view,
/// including the ledger release of an earlier job, as the orchestrator does when a job ends.
/// </summary>
[MemoryDiagnoser]
public class PlacementBenchmarks
{
    private PlacementWorkload warm = null!;
    private PlacementWorkload saturated = null!;
    private PlacementWorkload cold = null!;

    [GlobalSetup]
    public void Setup()
    {
        var cluster = PlacementCluster.Build();
        foreach (var (name, workload) in PlacementCases.Create(cluster))
        {
            switch (name)
            {
                case PlacementCases.Warm: warm = workload; break;
                case PlacementCases.Saturated: saturated = workload; break;
                case PlacementCases.Cold: cold = workload; break;
            }
        }
    }

    /// <summary>The model is warm on 3 of 16 silos, each with a free slot: two random choices among them.</summary>
    [Benchmark(Baseline = true)]
    public object WarmOnFewSilos() => warm.Decide();

    /// <summary>The same model with 64 of this silo's jobs in flight: every warm copy is saturated, so the queue and scale-out rule runs.</summary>
    [Benchmark]
    public object WarmSaturated() => saturated.Decide();

    /// <summary>The model is warm nowhere: every device's LRU eviction is planned and priced by popularity.</summary>
    [Benchmark]
    public object ColdEvictionPriced() => cold.Decide();
}
