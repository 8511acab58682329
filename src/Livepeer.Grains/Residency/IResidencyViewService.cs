using Orleans.Concurrency;
using Orleans.Services;

namespace Livepeer.Grains.Residency;

/// <summary>The per-silo endpoint that receives residency snapshots from worker silos.</summary>
[Alias("livepeer.residency-view")]
internal interface IResidencyViewService : IGrainService
{
    /// <summary>Applies a worker silo's snapshot to this silo's view.</summary>
    [OneWay, Alias("apply")]
    Task ApplyAsync(SiloResidencySnapshot snapshot);
}
