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

    /// <summary>
    /// Ticket parameters for <paramref name="sender"/> to pay for <paramref name="pipeline"/> with <paramref name="modelId"/>,
    /// bound to the current price of that capability.
    /// </summary>
    /// <exception cref="JobFailedException">Not offered, free, or the sender may not pay with tickets now.</exception>
    [Alias("ticket-params")]
    Task<TicketParamsOffer> GetTicketParamsAsync(string sender, string pipeline, string modelId, CancellationToken cancellationToken = default);

    /// <summary>Admits a job (checking its payment when the capability is priced, then reserving capacity), runs it on a placed job grain and releases the capacity.</summary>
    /// <exception cref="JobFailedException">The job was refused or failed.</exception>
    [Alias("submit"), ResponseTimeout("00:10:00")]
    Task<JobResult> SubmitJobAsync(JobRequest job, CancellationToken cancellationToken = default);
}
