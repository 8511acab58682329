using Orleans.Placement;

namespace Livepeer.Grains.Placement;

/// <summary>Marks a grain keyed by a <see cref="Contracts.DeviceKey"/> for device placement.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class DevicePlacementAttribute() : PlacementAttribute(new DevicePlacement());
