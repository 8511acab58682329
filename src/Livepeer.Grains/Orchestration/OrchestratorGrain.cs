using System.Collections.Immutable;
using Livepeer.Contracts;
using Livepeer.Grains.Placement;
using Livepeer.Grains.Residency;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Placement;

namespace Livepeer.Grains.Orchestration;

/// <summary>
/// An orchestrator: what it offers, atomic capacity reservation at admission (released on success, failure or
/// cancellation), and dispatch to a job grain placed next to a warm copy of the model.
/// Reentrant so that many jobs are in flight at once; the counters change only between awaits.
/// Placed on the silo that first calls it — the orchestrator-role silo, whose start-up configures it — so that job
/// dispatch does not start from a worker silo and favour that worker's local calls.
/// </summary>
[GrainType("livepeer-orchestrator"), Reentrant, PreferLocalPlacement]
internal sealed partial class OrchestratorGrain(
    [PersistentState("orchestrator", LivepeerStorage.Name)] IPersistentState<OrchestratorState> state,
    ClusterResidencyView view,
    PlacementLedger ledger,
    ILogger<OrchestratorGrain> logger) : Grain, IOrchestratorGrain
{
    /// <summary>Counters are flushed at most this often, so that a job never waits on a storage write.</summary>
    internal static readonly TimeSpan CounterFlushPeriod = TimeSpan.FromSeconds(5);

    private readonly Dictionary<(string Pipeline, string ModelId), int> inUse = [];
    private Dictionary<(string Pipeline, string ModelId), ModelCapability> capabilities = [];
    private bool countersDirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Index(state.State.Configuration);
        this.RegisterGrainTimer(FlushCountersAsync, new GrainTimerCreationOptions(CounterFlushPeriod, CounterFlushPeriod) { Interleave = true });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await FlushCountersAsync(cancellationToken);
        }
        catch (Exception e) when (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
        {
            // In-memory storage may already be gone when the silo stops; its counters die with it either way.
            LogFlushOnShutdownFailed(logger, this.GetPrimaryKeyString(), e.Message);
        }
    }

    public async Task ConfigureAsync(OrchestratorConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!EthereumAddress.TryNormalize(configuration.Address, out var address) || address != this.GetPrimaryKeyString())
            throw new ArgumentException($"Configuration for {configuration.Address} sent to orchestrator {this.GetPrimaryKeyString()}.", nameof(configuration));

        state.State.Configuration = configuration with { Address = address };
        await state.WriteStateAsync(cancellationToken);
        countersDirty = false;
        Index(state.State.Configuration);
        await GrainFactory.GetGrain<IOrchestratorRegistryGrain>(0).RegisterAsync(address, cancellationToken);
        LogConfigured(logger, address, configuration.Models.Length);
    }

    public Task<OrchestratorInfo> GetInfoAsync(CancellationToken cancellationToken)
    {
        var address = this.GetPrimaryKeyString();
        var usage = capabilities.Values
            .Select(c => new CapabilityUsage(c, inUse.GetValueOrDefault((c.Pipeline, c.ModelId))))
            .ToImmutableArray();
        var warm = capabilities.Keys
            .Select(k => k.ModelId)
            .Distinct(StringComparer.Ordinal)
            .Where(m => view.Holders(m).Any(h => h.Model.State == ModelState.Warm && h.Silo.Serves(address)))
            .ToImmutableArray();
        return Task.FromResult(new OrchestratorInfo(
            address, usage, [.. view.WorkersOf(address).Select(s => s.ToString())],
            state.State.JobsCompleted, state.State.JobsFailed, state.State.UnitsProduced, warm));
    }

    public async Task<JobResult> SubmitJobAsync(JobRequest job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var address = this.GetPrimaryKeyString();
        if (string.IsNullOrEmpty(job.JobId) || job.JobId.Contains('/', StringComparison.Ordinal))
            throw new JobFailedException(JobErrorKind.InvalidInput, "A job id is required and may not contain '/'.");
        var slot = (job.Pipeline, job.ModelId);
        if (!capabilities.TryGetValue(slot, out var capability))
            throw new JobFailedException(JobErrorKind.NotOffered, $"Orchestrator {address} does not offer {job.Pipeline} with model '{job.ModelId}'.");
        if (!view.HasWorkerFor(job.ModelId, address))
            throw new JobFailedException(JobErrorKind.NoWorker, $"Orchestrator {address} has no worker with model '{job.ModelId}' installed.");

        // Check and reserve in one turn: no other turn runs in between, so the reservation is atomic.
        var taken = inUse.GetValueOrDefault(slot);
        if (taken >= capability.Capacity)
            throw new JobFailedException(JobErrorKind.CapacityExhausted, $"Orchestrator {address} is at capacity ({capability.Capacity}) for {job.Pipeline} with model '{job.ModelId}'.");
        inUse[slot] = taken + 1;
        var jobKey = new JobKey(address, job.JobId, job.ModelId);
        try
        {
            var result = await GrainFactory.GetGrain<IJobGrain>(jobKey.ToString()).RunAsync(job, cancellationToken);
            state.State.JobsCompleted++;
            state.State.UnitsProduced += result.Units;
            countersDirty = true;
            return result;
        }
        catch (Exception e)
        {
            state.State.JobsFailed++;
            countersDirty = true;
            if (e is JobFailedException or OperationCanceledException) throw;
            LogDispatchFailed(logger, e, job.JobId, address);
            throw new JobFailedException(JobErrorKind.Internal, $"Job {job.JobId} failed: {e.Message}");
        }
        finally
        {
            inUse[slot]--;
            ledger.Finished(jobKey);
        }
    }

    private async Task FlushCountersAsync(CancellationToken cancellationToken)
    {
        if (!countersDirty) return;
        countersDirty = false;
        await state.WriteStateAsync(cancellationToken);
    }

    private void Index(OrchestratorConfiguration? configuration) =>
        capabilities = configuration is null
            ? []
            : configuration.Models
                .GroupBy(m => (m.Pipeline, m.ModelId))
                .ToDictionary(g => g.Key, g => g.FirstOrDefault(m => m.Gateway == AiModelsFile.DefaultGateway) ?? g.First());

    [LoggerMessage(Level = LogLevel.Information, Message = "Orchestrator {Address} configured with {Count} capabilities")]
    private static partial void LogConfigured(ILogger logger, string address, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Orchestrator {Address} could not save its counters while the silo stopped: {Reason}")]
    private static partial void LogFlushOnShutdownFailed(ILogger logger, string address, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} of orchestrator {Address} failed unexpectedly")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string jobId, string address);
}
