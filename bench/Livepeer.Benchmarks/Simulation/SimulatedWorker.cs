using System.Collections.Immutable;
using System.Net;
using Livepeer.Contracts;
using Livepeer.Grains.Devices;
using Livepeer.Grains.Residency;

namespace Livepeer.Benchmarks.Simulation;

/// <summary>
/// One worker silo with one device, kept with the device grain's own bookkeeping (<see cref="DeviceModelTable"/>):
/// warm hits move LastUsed, and loads evict the LRU idle models exactly as the device grain would.
/// </summary>
internal sealed class SimulatedWorker
{
    private readonly DeviceModelTable table;
    private readonly ImmutableDictionary<string, long> installed;
    private readonly string workerId;
    private readonly string deviceKey;
    private long sequence;

    public SimulatedWorker(int index, ImmutableDictionary<string, long> installed, long budgetBytes, TimeProvider time)
    {
        workerId = $"sim-worker-{index}";
        deviceKey = new DeviceKey(workerId, 0).ToString();
        Silo = SiloAddress.New(IPAddress.Loopback, 20000 + index, 1);
        this.installed = installed;
        table = new DeviceModelTable(budgetBytes, time);
    }

    public SiloAddress Silo { get; }

    public long Loads { get; private set; }

    /// <summary>The residency the view would hold for this silo now; each job runs alone, so no slot is ever busy.</summary>
    public SiloResidency Residency()
    {
        var device = new DeviceStatus(deviceKey, "cpu", table.BudgetBytes, table.ReservedBytes, Slots: 1, BusySlots: 0, table.Snapshot(), Loads, 0, 0);
        var snapshot = new SiloResidencySnapshot(Silo, workerId, ++sequence, [], installed, [device]);
        return new SiloResidency(snapshot, ImmutableDictionary<string, int>.Empty);
    }

    /// <summary>Runs one job to completion; true when its model was already warm here.</summary>
    public bool Run(string modelId)
    {
        var warm = table.TryGet(modelId, out var resident) && resident.State == ModelState.Warm;
        if (!warm) Load(modelId);
        table.JobStarted(modelId);
        table.JobEnded(modelId);
        return warm;
    }

    private void Load(string modelId)
    {
        var bytes = installed[modelId];
        var victims = table.PlanEvictions(bytes) ?? throw new InvalidOperationException($"{deviceKey} cannot make room for {modelId}.");
        foreach (var victim in victims)
        {
            table.BeginEvict(victim.ModelId);
            table.Remove(victim.ModelId);
        }

        table.BeginLoad(modelId, bytes, pinned: false);
        table.CompleteLoad(modelId);
        Loads++;
    }
}
