using Livepeer.Contracts;

namespace Livepeer.Grains.Residency;

/// <summary>
/// One worker silo in the local residency view: its latest snapshot plus indexes built once per snapshot,
/// so a placement decision is a few dictionary lookups.
/// </summary>
internal sealed class SiloResidency
{
    private readonly Dictionary<string, ModelPresence> presence;

    private readonly IReadOnlyDictionary<string, int> ownInFlightAtApply;

    /// <param name="snapshot">The silo's snapshot.</param>
    /// <param name="ownInFlightAtApply">Jobs the local silo had in flight there when the snapshot arrived, per model.</param>
    public SiloResidency(SiloResidencySnapshot snapshot, IReadOnlyDictionary<string, int> ownInFlightAtApply)
    {
        Snapshot = snapshot;
        this.ownInFlightAtApply = ownInFlightAtApply;
        presence = new Dictionary<string, ModelPresence>(StringComparer.Ordinal);
        foreach (var device in snapshot.Devices)
        {
            FreeSlots += device.FreeSlots;
            MaxFreeMemoryBytes = Math.Max(MaxFreeMemoryBytes, device.FreeMemoryBytes);

            // Active jobs are running or waiting; those beyond the busy slots are the device's queue.
            var queued = Math.Max(0, device.Models.Sum(m => m.ActiveJobs) - device.BusySlots);
            foreach (var model in device.Models)
            {
                presence.TryGetValue(model.ModelId, out var p);
                presence[model.ModelId] = model.State switch
                {
                    ModelState.Warm => p with
                    {
                        WarmDevices = p.WarmDevices + 1,
                        SlotsOnWarm = p.SlotsOnWarm + device.Slots,
                        FreeSlotsOnWarm = p.FreeSlotsOnWarm + device.FreeSlots,
                        QueuedOnWarm = p.QueuedOnWarm + queued,
                    },
                    ModelState.Loading => p with { Loading = true },
                    _ => p,
                };
            }
        }
    }

    public SiloResidencySnapshot Snapshot { get; }

    public SiloAddress Silo => Snapshot.Silo;

    public int FreeSlots { get; }

    public long MaxFreeMemoryBytes { get; }

    public ModelPresence Presence(string modelId) => presence.GetValueOrDefault(modelId);

    /// <summary>The snapshot's running and queued jobs for the model that are not the local silo's own (other callers').</summary>
    public int OthersLoad(string modelId)
    {
        var p = Presence(modelId);
        var load = p.SlotsOnWarm - p.FreeSlotsOnWarm + p.QueuedOnWarm;
        return Math.Max(0, load - ownInFlightAtApply.GetValueOrDefault(modelId));
    }

    public bool HasInstalled(string modelId) => Snapshot.InstalledModels.ContainsKey(modelId);

    public long ModelMemoryBytes(string modelId) => Snapshot.InstalledModels.GetValueOrDefault(modelId);

    public bool Serves(string orchestrator) =>
        Snapshot.Orchestrators.IsDefaultOrEmpty || Snapshot.Orchestrators.Contains(orchestrator, StringComparer.Ordinal);

    /// <summary>Whether jobs for <paramref name="modelId"/> from <paramref name="orchestrator"/> may run here.</summary>
    public bool CanServe(string modelId, string orchestrator) => HasInstalled(modelId) && Serves(orchestrator);
}
