namespace Livepeer.Contracts;

/// <summary>An orchestrator, keyed by its Ethereum address: admission, capacity and dispatch of jobs to its workers.</summary>
[Alias("livepeer.orchestrator")]
public interface IOrchestratorGrain : IGrainWithStringKey
{
    /// <summary>Sets (or replaces) what the orchestrator offers; persisted.</summary>
    [Alias("configure")]
    Task ConfigureAsync(OrchestratorConfiguration configuration, CancellationToken cancellationToken = default);

    /// <summary>The orchestrator's capabilities, usage and counters.</summary>
    [Alias("info")]
    Task<OrchestratorInfo> GetInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Admits a job (reserving capacity), runs it on a placed job grain and releases the capacity.</summary>
    /// <exception cref="JobFailedException">The job was refused or failed.</exception>
    [Alias("submit"), ResponseTimeout("00:10:00")]
    Task<JobResult> SubmitJobAsync(JobRequest job, CancellationToken cancellationToken = default);
}
