namespace Livepeer.Benchmarks.Placement;

/// <summary>The decisions both placement measurements time, by name.</summary>
internal static class PlacementCases
{
    public const string Warm = "warm-on-few-silos";
    public const string Saturated = "warm-saturated";
    public const string Cold = "cold-eviction-priced";

    /// <summary>Jobs of this silo in flight in the saturated case: far more than the 6 slots of the warm copies.</summary>
    public const int SaturatingJobs = 64;

    public static IReadOnlyList<(string Name, PlacementWorkload Workload)> Create(PlacementCluster cluster) =>
    [
        (Warm, new PlacementWorkload(cluster, PlacementCluster.WarmModel, inFlight: 1)),
        (Saturated, new PlacementWorkload(cluster, PlacementCluster.WarmModel, inFlight: SaturatingJobs)),
        (Cold, new PlacementWorkload(cluster, PlacementCluster.ColdModel, inFlight: 1)),
    ];
}
