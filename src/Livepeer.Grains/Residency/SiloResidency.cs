using Livepeer.Contracts;

namespace Livepeer.Grains.Residency;

/// <summary>
/// One worker silo in the local residency view: its latest snapshot plus indexes built once per snapshot,
/// so a placement decision is a few dictionary lookups.
/// </summary>
internal sealed class SiloResidency
{
    private readonly Dictionary<string, ModelPresence> presence;
    private int pendingPlacements;

    public SiloResidency(SiloResidencySnapshot snapshot)
    {
        Snapshot = snapshot;
        presence = new Dictionary<string, ModelPresence>(StringComparer.Ordinal);
        foreach (var device in snapshot.Devices)
        {
            FreeSlots += device.FreeSlots;
            MaxFreeMemoryBytes = Math.Max(MaxFreeMemoryBytes, device.FreeMemoryBytes);
            foreach (var model in device.Models)
            {
                presence.TryGetValue(model.ModelId, out var p);
                presence[model.ModelId] = model.State switch
                {
                    ModelState.Warm => p with { WarmDevices = p.WarmDevices + 1, FreeSlotsOnWarm = p.FreeSlotsOnWarm + device.FreeSlots },
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

    /// <summary>Jobs this silo's placement sent here since the snapshot was taken; they count against its free slots.</summary>
    public int PendingPlacements => Volatile.Read(ref pendingPlacements);

    public void NotePlacement() => Interlocked.Increment(ref pendingPlacements);

    public ModelPresence Presence(string modelId) => presence.GetValueOrDefault(modelId);

    public bool HasInstalled(string modelId) => Snapshot.InstalledModels.ContainsKey(modelId);

    public long ModelMemoryBytes(string modelId) => Snapshot.InstalledModels.GetValueOrDefault(modelId);

    public bool Serves(string orchestrator) =>
        Snapshot.Orchestrators.IsDefaultOrEmpty || Snapshot.Orchestrators.Contains(orchestrator, StringComparer.Ordinal);

    /// <summary>Whether jobs for <paramref name="modelId"/> from <paramref name="orchestrator"/> may run here.</summary>
    public bool CanServe(string modelId, string orchestrator) => HasInstalled(modelId) && Serves(orchestrator);
}
