namespace Livepeer.Contracts;

/// <summary>One job, placed by warm-model placement on a silo where its model is warm so the device call stays local.</summary>
[Alias("livepeer.job")]
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Runs the job on a device of this silo (or the device the model residency grain names) and deactivates.</summary>
    [Alias("run"), ResponseTimeout("00:10:00")]
    Task<JobResult> RunAsync(JobRequest job, CancellationToken cancellationToken = default);
}
