using System.Collections.Immutable;

namespace Livepeer.Contracts;

/// <summary>One model, keyed by model id: where it is warm or loading cluster wide, and single-flight cold loads.</summary>
[Alias("livepeer.model-residency")]
public interface IModelResidencyGrain : IGrainWithStringKey
{
    /// <summary>A device that has the model warm, after waiting for the one load in flight or starting it.</summary>
    /// <exception cref="JobFailedException">No device can hold the model.</exception>
    [Alias("acquire"), ResponseTimeout("00:10:00")]
    Task<DeviceAssignment> AcquireDeviceAsync(DeviceRequest request, CancellationToken cancellationToken = default);

    /// <summary>Records that a device dropped the model.</summary>
    [Alias("evicted"), Orleans.Concurrency.OneWay]
    Task ReportEvictedAsync(string deviceKey);

    /// <summary>Devices holding the model, live silos only.</summary>
    [Alias("placements")]
    Task<ImmutableArray<ModelPlacement>> GetPlacementsAsync(CancellationToken cancellationToken = default);
}
