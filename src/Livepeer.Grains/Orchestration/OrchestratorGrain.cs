using System.Collections.Immutable;
using Livepeer.Contracts;
using Livepeer.Grains.Payments;
using Livepeer.Grains.Placement;
using Livepeer.Grains.Residency;
using Livepeer.Payments;
using Livepeer.Pipelines;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Placement;

namespace Livepeer.Grains.Orchestration;

/// <summary>
/// An orchestrator: what it offers, atomic capacity reservation at admission (released on success, failure or
/// cancellation), payment for priced capabilities through the sender's account (checked before any work, the fee
/// debited by the units produced after success, nothing debited on failure), and dispatch to a job grain placed next
/// to a warm copy of the model.
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
    private readonly Dictionary<string, IPaymentAccountGrain> accounts = new(StringComparer.Ordinal);
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
        PaidJob? payment = null;
        try
        {
            // The payment is checked before the job grain exists: a refused payment costs no GPU time.
            payment = await AdmitPaymentAsync(job, capability, cancellationToken);
            var result = await GrainFactory.GetGrain<IJobGrain>(jobKey.ToString()).RunAsync(job, cancellationToken);
            state.State.JobsCompleted++;
            state.State.UnitsProduced += result.Units;
            countersDirty = true;
            if (payment is { } paid) await SettleAsync(paid, result.Units);
            return result;
        }
        catch (Exception e)
        {
            if (payment is { } unpaid) await unpaid.Account.ReleaseAsync(job.JobId, CancellationToken.None);
            if (e is JobFailedException { Kind: JobErrorKind.PaymentRequired or JobErrorKind.PaymentRejected or JobErrorKind.InsufficientBalance }) throw;
            state.State.JobsFailed++;
            countersDirty = true;
            if (e is JobFailedException or OperationCanceledException) throw;

            // The worker's silo went away (killed, or not yet declared dead after a crash): nothing is wrong with this
            // orchestrator or the request, it has no worker for the job right now, and the gateway may try elsewhere.
            if (e is SiloUnavailableException or OrleansMessageRejectionException)
                throw new JobFailedException(JobErrorKind.NoWorker, $"Job {job.JobId}: the worker silo is unreachable, it may have stopped ({e.Message})");
            LogDispatchFailed(logger, e, job.JobId, address);
            throw new JobFailedException(JobErrorKind.Internal, $"Job {job.JobId} failed: {e.Message}");
        }
        finally
        {
            inUse[slot]--;
            ledger.Finished(jobKey);
        }
    }

    public async Task<TicketParamsOffer> GetTicketParamsAsync(string sender, string pipeline, string modelId, CancellationToken cancellationToken)
    {
        var address = this.GetPrimaryKeyString();
        if (!capabilities.TryGetValue((pipeline, modelId), out var capability))
            throw new JobFailedException(JobErrorKind.NotOffered, $"Orchestrator {address} does not offer {pipeline} with model '{modelId}'.");
        if (capability.PricePerUnit <= 0)
            throw new JobFailedException(JobErrorKind.NotOffered, $"{pipeline} with model '{modelId}' is free at orchestrator {address}: no tickets are needed.");
        if (!CapabilityPrice.TryWei(capability, out var price, out var problem))
            throw new JobFailedException(JobErrorKind.NotOffered, problem);
        return await Account(sender).IssueTicketParamsAsync(price.PricePerUnit, price.PixelsPerUnit, cancellationToken);
    }

    /// <summary>For a priced capability: the sender's account validates and credits the payment and holds the fee; null for free work.</summary>
    private async Task<PaidJob?> AdmitPaymentAsync(JobRequest job, ModelCapability capability, CancellationToken cancellationToken)
    {
        if (capability.PricePerUnit <= 0) return null;
        if (!CapabilityPrice.TryWei(capability, out var price, out var problem))
            throw new JobFailedException(JobErrorKind.NotOffered, problem);
        var capabilityKey = $"{job.Pipeline}/{job.ModelId}";
        if (job.Payment.Length == 0)
            throw new JobFailedException(JobErrorKind.PaymentRequired, $"{capabilityKey} costs {price.PricePerUnit} wei per {price.PixelsPerUnit} units; send a {PaymentHeader.Name} header.");
        EthAddress sender;
        try
        {
            sender = PaymentHeader.Decode(job.Payment).Sender;
        }
        catch (PaymentHeaderException e)
        {
            throw new JobFailedException(JobErrorKind.PaymentRequired, $"Could not parse the {PaymentHeader.Name} header: {e.Message}");
        }

        var admission = new JobAdmission(job.JobId, capabilityKey, price.PricePerUnit, price.PixelsPerUnit, job.Payment, FeeUnits.Estimate(job.Pipeline, job.Parameters, job.Input));
        var account = Account(TicketWire.KeyOf(sender));
        await account.AdmitAsync(admission, cancellationToken);
        return new PaidJob(account, admission);
    }

    private async Task SettleAsync(PaidJob payment, long units)
    {
        try
        {
            await payment.Account.SettleAsync(payment.Admission, units, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The work is done and the client gets it; the fee not debited is the orchestrator's loss, so it is logged loudly.
            LogSettleFailed(logger, e, payment.Admission.JobId, payment.Admission.Capability);
        }
    }

    private IPaymentAccountGrain Account(string sender)
    {
        if (accounts.TryGetValue(sender, out var account)) return account;
        if (!EthereumAddress.TryNormalize(sender, out var normalized))
            throw new JobFailedException(JobErrorKind.PaymentRejected, $"'{sender}' is not a sender address.");
        return accounts[sender] = GrainFactory.GetGrain<IPaymentAccountGrain>($"{this.GetPrimaryKeyString()}/{normalized}");
    }

    private sealed record PaidJob(IPaymentAccountGrain Account, JobAdmission Admission);

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} finished but its fee for {Capability} could not be debited")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string jobId, string capability);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} of orchestrator {Address} failed unexpectedly")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string jobId, string address);
}
