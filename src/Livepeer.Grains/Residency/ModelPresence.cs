namespace Livepeer.Grains.Residency;

/// <summary>A model on one silo, summed over its devices.</summary>
/// <param name="WarmDevices">Devices with the model warm.</param>
/// <param name="SlotsOnWarm">Slots of those devices.</param>
/// <param name="FreeSlotsOnWarm">Free slots on those devices.</param>
/// <param name="QueuedOnWarm">Jobs waiting for a slot on those devices.</param>
/// <param name="Loading">Whether a device is loading it.</param>
internal readonly record struct ModelPresence(int WarmDevices, int SlotsOnWarm, int FreeSlotsOnWarm, int QueuedOnWarm, bool Loading);
