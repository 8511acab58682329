using BenchmarkDotNet.Attributes;

namespace Livepeer.Benchmarks.Placement;

/// <summary>
/// One warm-model placement decision (<c>WarmModelPlacementDirector.Choose</c>) against a 16-silo, 50-model view,
/// including the ledger release of the job placed <see cref="PlacementWorkload.InFlight"/> decisions earlier.
/// </summary>
[MemoryDiagnoser]
public class PlacementBenchmarks
{
    private PlacementWorkload warm = null!;
    private PlacementWorkload cold = null!;

    [GlobalSetup]
    public void Setup()
    {
        var cluster = PlacementCluster.Build();
        warm = new PlacementWorkload(cluster, PlacementCluster.WarmModel);
        cold = new PlacementWorkload(cluster, PlacementCluster.ColdModel);
    }

    /// <summary>The model is warm on 3 of 16 silos: two random choices among those with a free slot.</summary>
    [Benchmark(Baseline = true)]
    public object WarmOnFewSilos() => warm.Decide();

    /// <summary>The model is warm nowhere: every device's LRU eviction is planned and priced by popularity.</summary>
    [Benchmark]
    public object ColdEvictionPriced() => cold.Decide();
}
