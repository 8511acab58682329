namespace Livepeer.Contracts;

/// <summary>One device of a worker silo, keyed <c>{workerId}/{index}</c>; lives on the silo that owns the device.</summary>
[Alias("livepeer.gpu")]
public interface IGpuGrain : IGrainWithStringKey
{
    /// <summary>Memory, slots, resident models and counters.</summary>
    [Alias("status")]
    Task<DeviceStatus> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes the model warm on this device (evicting idle models if memory is short); returns true when this call loaded it.</summary>
    /// <exception cref="JobFailedException">The model is not installed, does not fit, or failed to load.</exception>
    [Alias("load"), ResponseTimeout("00:10:00")]
    Task<bool> LoadModelAsync(string modelId, bool pinned, CancellationToken cancellationToken = default);

    /// <summary>Runs a job on a model that is warm (or loading) on this device, waiting for a free slot.</summary>
    /// <exception cref="JobFailedException">With <see cref="JobErrorKind.NoWorker"/> when the model is not resident here.</exception>
    [Alias("run"), ResponseTimeout("00:10:00")]
    Task<JobResult> RunAsync(JobRequest job, CancellationToken cancellationToken = default);

    /// <summary>Evicts the model if it is idle and not pinned; returns whether it was evicted.</summary>
    [Alias("evict")]
    Task<bool> EvictAsync(string modelId, CancellationToken cancellationToken = default);
}
