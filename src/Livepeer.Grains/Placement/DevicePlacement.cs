namespace Livepeer.Grains.Placement;

/// <summary>Places a device grain (key <c>{workerId}/{index}</c>) on the silo of that worker.</summary>
internal sealed class DevicePlacement : PlacementStrategy
{
}
