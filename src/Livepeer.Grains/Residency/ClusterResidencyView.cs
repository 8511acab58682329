using System.Collections.Immutable;
using Livepeer.Contracts;
using Livepeer.Grains.Placement;

namespace Livepeer.Grains.Residency;

/// <summary>
/// Every silo's local, cheap copy of where models are warm and how busy each worker silo is. Fed by snapshots that
/// worker silos push; silos declared dead are dropped at once. Reads take no lock.
/// </summary>
internal sealed class ClusterResidencyView(PlacementLedger ledger)
{
    private readonly Lock writeLock = new();
    private readonly HashSet<SiloAddress> deadSilos = [];
    private volatile Dictionary<SiloAddress, SiloResidency> silos = [];
    private long version;

    /// <summary>Increases with every change; lets tests wait for the view to catch up.</summary>
    public long Version => Interlocked.Read(ref version);

    public IReadOnlyCollection<SiloResidency> Silos => silos.Values;

    public bool TryGet(SiloAddress silo, out SiloResidency residency) => silos.TryGetValue(silo, out residency!);

    /// <summary>Applies a snapshot unless it is older than what the view has or its silo is dead.</summary>
    public bool Apply(SiloResidencySnapshot snapshot)
    {
        lock (writeLock)
        {
            if (deadSilos.Contains(snapshot.Silo)) return false;
            if (silos.TryGetValue(snapshot.Silo, out var current) && current.Snapshot.Sequence >= snapshot.Sequence) return false;
            silos = new Dictionary<SiloAddress, SiloResidency>(silos) { [snapshot.Silo] = new SiloResidency(snapshot, ledger.InFlightOn(snapshot.Silo)) };
            Interlocked.Increment(ref version);
            return true;
        }
    }

    /// <summary>Drops a silo that left the cluster; late snapshots from it are ignored.</summary>
    public void RemoveSilo(SiloAddress silo)
    {
        lock (writeLock)
        {
            deadSilos.Add(silo);
            if (!silos.ContainsKey(silo)) return;
            var copy = new Dictionary<SiloAddress, SiloResidency>(silos);
            copy.Remove(silo);
            silos = copy;
            Interlocked.Increment(ref version);
        }
    }

    /// <summary>The silo hosting the devices of <paramref name="workerId"/> (the newest one if a worker restarted).</summary>
    public SiloAddress? SiloOfWorker(string workerId)
    {
        SiloAddress? best = null;
        foreach (var residency in silos.Values)
        {
            if (residency.Snapshot.WorkerId == workerId && (best is null || residency.Silo.Generation > best.Generation))
                best = residency.Silo;
        }

        return best;
    }

    /// <summary>Whether any live worker silo can run <paramref name="modelId"/> for <paramref name="orchestrator"/>.</summary>
    public bool HasWorkerFor(string modelId, string orchestrator) =>
        silos.Values.Any(s => s.CanServe(modelId, orchestrator));

    /// <summary>Worker silos serving <paramref name="orchestrator"/>.</summary>
    public ImmutableArray<SiloAddress> WorkersOf(string orchestrator) =>
        [.. silos.Values.Where(s => s.Serves(orchestrator)).Select(s => s.Silo)];

    /// <summary>Every device holding <paramref name="modelId"/> warm or loading, with its silo.</summary>
    public IEnumerable<(SiloResidency Silo, DeviceStatus Device, ResidentModel Model)> Holders(string modelId)
    {
        foreach (var silo in silos.Values)
        {
            foreach (var device in silo.Snapshot.Devices)
            {
                foreach (var model in device.Models)
                {
                    if (model.ModelId == modelId && model.State != ModelState.Evicting)
                        yield return (silo, device, model);
                }
            }
        }
    }
}
