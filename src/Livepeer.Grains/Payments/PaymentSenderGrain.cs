using System.Collections.Immutable;
using System.Numerics;
using Livepeer.Contracts;
using Livepeer.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace Livepeer.Grains.Payments;

/// <summary>
/// A gateway paying one orchestrator (key <c>{sender}/{recipient}</c>) through a <see cref="PaymentSender"/>. Not
/// reentrant, so it is the single writer of nonces: tickets are never signed twice with one nonce. Ticket parameters
/// live only in memory — a new activation asks for new ones, so nonces restart at 1 under a new recipient rand hash and
/// never repeat one the orchestrator saw. Credit per capability mirrors the orchestrator's balance and is persisted:
/// unlike go-livepeer's per-session balances it survives parameter refreshes and restarts. It is written behind, at most
/// <see cref="FlushPeriod"/> after a change and on deactivation, so no request waits on storage: the money itself sits
/// in the orchestrator's account, written before any work, and a mirror that lost its last second after a crash only
/// makes the next payments carry more tickets (the gateway overpays a little, the orchestrator never loses).
/// Placed on the calling gateway silo, which holds the signing key.
/// </summary>
[GrainType("livepeer-payment-sender"), PreferLocalPlacement]
internal sealed partial class PaymentSenderGrain(
    [PersistentState("payment-sender", LivepeerStorage.Name)] IPersistentState<PaymentSenderState> state,
    SenderAccount account,
    IPaymentChain chain,
    IOptions<SenderPaymentOptions> options,
    TimeProvider time,
    ILogger<PaymentSenderGrain> logger) : Grain, IPaymentSenderGrain
{
    /// <summary>Longest a change of credit waits before it is stored.</summary>
    internal static readonly TimeSpan FlushPeriod = TimeSpan.FromSeconds(1);

    private PaymentSender sender = null!;
    private bool dirty;
    private EthAddress recipient;
    private (BigInteger? Deposit, DateTimeOffset ReadAt)? deposit;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (EthAddress.Parse(key[..slash]) != account.Address)
            throw new InvalidOperationException($"Payment sender {key} activated on a silo whose key is {account.Address}.");
        recipient = EthAddress.Parse(key[(slash + 1)..]);
        sender = new PaymentSender(account.Key, options.Value.Limits(), options.Value.RefreshBlocks);
        var saved = state.State;
        sender.Restore(
            saved.Credit.ToDictionary(c => c.Key, c => Wei.Parse(c.Value), StringComparer.Ordinal),
            saved.TicketsSent, Wei.Parse(saved.ExpectedValueSent), Wei.Parse(saved.FeesPaid), saved.JobsPaid, saved.JobsRefunded);
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushPeriod, FlushPeriod));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e) when (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
        {
            // In-memory storage may already be gone when the silo stops.
            LogFlushOnShutdownFailed(logger, recipient, e.Message);
        }
    }

    public async Task<string> PrepareAsync(JobPaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ChainSnapshot snapshot;
        BigInteger? funds;
        try
        {
            snapshot = await chain.GetSnapshotAsync(cancellationToken);
            funds = await DepositAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not JobFailedException)
        {
            // The gateway's own chain connection failed: a payment problem, not the orchestrator's fault.
            throw new JobFailedException(JobErrorKind.PaymentRejected, $"This gateway cannot read the chain to pay orchestrator {recipient}: {e.Message}");
        }

        try
        {
            var payment = await sender.PrepareAsync(
                request.JobId, $"{request.Pipeline}/{request.ModelId}", request.EstimatedUnits, snapshot.LastSeenL1Block,
                funds, ct => NewSessionAsync(request, ct), cancellationToken);
            return PaymentHeader.Encode(payment);
        }
        catch (PaymentRefusedException e)
        {
            throw new JobFailedException(JobErrorKind.PaymentRejected, $"This gateway will not pay orchestrator {recipient} on its terms: {e.Message}");
        }
    }

    public Task SettleAsync(string jobId, long? units, CancellationToken cancellationToken)
    {
        dirty |= sender.Settle(jobId, units);
        return Task.CompletedTask;
    }

    public Task RefusedAsync(string jobId, CancellationToken cancellationToken)
    {
        if (!sender.Refused(jobId)) return Task.CompletedTask;
        dirty = true;
        LogRefused(logger, recipient, jobId);
        return Task.CompletedTask;
    }

    public Task<PaymentSenderStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new PaymentSenderStatus(
            TicketWire.KeyOf(account.Address), TicketWire.KeyOf(recipient),
            sender.Credit.ToImmutableDictionary(c => c.Key, c => c.Value.ToString(), StringComparer.Ordinal),
            sender.TicketsSent, sender.ExpectedValueSent.ToString(), sender.FeesPaid.ToString(), sender.JobsPaid, sender.JobsRefunded));

    private async Task<PaymentSession> NewSessionAsync(JobPaymentRequest request, CancellationToken cancellationToken)
    {
        var offer = await GrainFactory.GetGrain<IOrchestratorGrain>(TicketWire.KeyOf(recipient))
            .GetTicketParamsAsync(TicketWire.KeyOf(account.Address), request.Pipeline, request.ModelId, cancellationToken);
        var (parameters, expiration, price) = TicketWire.FromOffer(offer);
        return parameters.Recipient == recipient
            ? new PaymentSession(account.Key, parameters, expiration, price)
            : throw new JobFailedException(JobErrorKind.PaymentRejected, $"Orchestrator {recipient} issued ticket parameters for {parameters.Recipient}.");
    }

    private async Task<BigInteger?> DepositAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (deposit is { } cached && now - cached.ReadAt < options.Value.FundsCacheTime)
            return cached.Deposit;
        var funds = await chain.GetSenderFundsAsync(account.Address, recipient, cancellationToken);
        deposit = (funds?.Deposit, now);
        return funds?.Deposit;
    }

    private Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!dirty) return Task.CompletedTask;
        dirty = false;
        state.State.Credit = sender.Credit.ToDictionary(c => c.Key, c => c.Value.ToString(), StringComparer.Ordinal);
        state.State.TicketsSent = sender.TicketsSent;
        state.State.ExpectedValueSent = sender.ExpectedValueSent.ToString();
        state.State.FeesPaid = sender.FeesPaid.ToString();
        state.State.JobsPaid = sender.JobsPaid;
        state.State.JobsRefunded = sender.JobsRefunded;
        return state.WriteStateAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment sender to {Recipient} could not save its credit while the silo stopped: {Reason}")]
    private static partial void LogFlushOnShutdownFailed(ILogger logger, EthAddress recipient, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Orchestrator {Recipient} refused the payment of job {JobId}; credit there is cleared and new ticket parameters will be fetched")]
    private static partial void LogRefused(ILogger logger, EthAddress recipient, string jobId);
}
