using System.Collections.Immutable;
using Livepeer.Contracts;

namespace Livepeer.Grains.Residency;

/// <summary>What a worker silo tells every silo about itself: static facts plus the live state of its devices.</summary>
/// <param name="Silo">The worker silo.</param>
/// <param name="WorkerId">Its worker id (device grain keys start with it).</param>
/// <param name="Sequence">Increases with every snapshot of this silo; older ones are dropped.</param>
/// <param name="Orchestrators">Orchestrators it serves; empty means all.</param>
/// <param name="InstalledModels">Installed model ids and the memory each needs.</param>
/// <param name="Devices">Its devices.</param>
[GenerateSerializer, Immutable, Alias("livepeer.silo-residency-snapshot")]
internal sealed record SiloResidencySnapshot(
    [property: Id(0)] SiloAddress Silo,
    [property: Id(1)] string WorkerId,
    [property: Id(2)] long Sequence,
    [property: Id(3)] ImmutableArray<string> Orchestrators,
    [property: Id(4)] ImmutableDictionary<string, long> InstalledModels,
    [property: Id(5)] ImmutableArray<DeviceStatus> Devices);
