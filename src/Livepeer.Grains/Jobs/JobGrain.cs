using Livepeer.Contracts;
using Livepeer.Grains.Devices;
using Livepeer.Grains.Placement;
using Microsoft.Extensions.DependencyInjection;

namespace Livepeer.Grains.Jobs;

/// <summary>
/// Runs one job on the silo warm-model placement chose: on a local device with the model warm when there is one
/// (a local call), otherwise on the device the model's residency grain names after its single-flight load.
/// </summary>
[WarmModelPlacement, GrainType("livepeer-job")]
internal sealed class JobGrain(IServiceProvider services, ILocalSiloDetails localSilo) : Grain, IJobGrain
{
    private const int MaxAttempts = 3;

    // Only worker silos have devices; placement never puts a job elsewhere, but a missing worker degrades gracefully.
    private readonly LocalWorker? worker = services.GetService<LocalWorker>();

    public async Task<JobResult> RunAsync(JobRequest job, CancellationToken cancellationToken)
    {
        // A job grain serves exactly one request.
        DeactivateOnIdle();
        if (!JobKey.TryParse(this.GetPrimaryKeyString(), out var key))
            throw new JobFailedException(JobErrorKind.InvalidInput, "Malformed job key.");

        var device = worker?.FindWarmDevice(job.ModelId);
        var waitedForLoad = false;
        for (var attempt = 1; ; attempt++)
        {
            if (device is null)
            {
                var assignment = await GrainFactory.GetGrain<IModelResidencyGrain>(job.ModelId)
                    .AcquireDeviceAsync(new DeviceRequest(key.Orchestrator, localSilo.SiloAddress), cancellationToken);
                device = assignment.DeviceKey;
                waitedForLoad |= assignment.WaitedForLoad;
            }

            try
            {
                var result = await GrainFactory.GetGrain<IGpuGrain>(device).RunAsync(job, cancellationToken);
                return result with { JobSilo = localSilo.SiloAddress, ColdStart = result.ColdStart || waitedForLoad };
            }
            catch (JobFailedException e) when (e.Kind == JobErrorKind.NoWorker && attempt < MaxAttempts)
            {
                // Evicted or gone between the lookup and the run: ask the residency grain again.
                device = null;
            }
        }
    }
}
