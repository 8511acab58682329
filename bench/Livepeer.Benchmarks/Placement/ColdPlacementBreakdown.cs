using System.Diagnostics;
using System.Globalization;
using Livepeer.Contracts;
using Livepeer.Grains.Devices;
using Livepeer.Grains.Placement;
using Livepeer.Grains.Residency;

namespace Livepeer.Benchmarks.Placement;

/// <summary>
/// Where a cold decision's time goes: the load-target search alone, the eviction plans it makes (one per device),
/// and the popularity look-ups that price them, each timed over the same view.
/// </summary>
internal static class ColdPlacementBreakdown
{
    private const int Rounds = 20_000;

    public static void Run(PlacementCluster cluster)
    {
        var silos = cluster.View.Silos.ToList();
        var model = PlacementCluster.ColdModel;
        var need = silos[0].ModelMemoryBytes(model);
        var devices = silos.SelectMany(s => s.Snapshot.Devices).ToList();
        var victims = devices.Select(d => EvictionPlan.For(d.Models, d.FreeMemoryBytes, need)).OfType<List<ResidentModel>>().SelectMany(v => v).ToList();

        Print("choose-load-target", devices.Count, () => LoadTargets.Choose(model, silos, cluster.Popularity));
        Print("eviction-plans", devices.Count, () =>
        {
            foreach (var device in devices) EvictionPlan.For(device.Models, device.FreeMemoryBytes, need);
        });
        Print("popularity-scores", victims.Count, () =>
        {
            foreach (var victim in victims) cluster.Popularity.Score(victim.ModelId);
        });
    }

    private static void Print(string component, int items, Action round)
    {
        for (var i = 0; i < Rounds / 4; i++) round();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < Rounds; i++) round();
        var perRound = Stopwatch.GetElapsedTime(started).TotalMicroseconds / Rounds;
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Rounds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"placement-breakdown case=cold-eviction-priced component={component} items={items} mean_us={perRound:F2} alloc_bytes={bytes:F0}"));
    }
}
