using Livepeer.Contracts;
using Livepeer.Grains.Devices;
using Livepeer.Grains.Residency;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;

namespace Livepeer.Grains.Placement;

/// <summary>
/// Pins a device grain to the silo that owns the device: the local silo when it is that worker (how devices register
/// at start-up), otherwise the silo the residency view knows for the worker id.
/// </summary>
internal sealed class DevicePlacementDirector(ClusterResidencyView view, IServiceProvider services) : IPlacementDirector
{
    // Resolved lazily: only worker silos register LocalWorker.
    private readonly LocalWorker? localWorker = services.GetService<LocalWorker>();

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString()!;
        if (!DeviceKey.TryParse(key, out var device))
            throw new JobFailedException(JobErrorKind.InvalidInput, $"'{key}' is not a device key ({{workerId}}/{{index}}).");

        if (localWorker is not null && localWorker.Id == device.WorkerId)
            return Task.FromResult(context.LocalSilo);

        var silo = view.SiloOfWorker(device.WorkerId);
        if (silo is null || !context.GetCompatibleSilos(target).Contains(silo))
            throw new JobFailedException(JobErrorKind.NoWorker, $"Device {key} is unavailable: worker '{device.WorkerId}' is not in the cluster.");
        return Task.FromResult(silo);
    }
}
