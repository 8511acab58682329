using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using Livepeer.Contracts;
using Livepeer.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Concurrency;

namespace Livepeer.Grains.Payments;

/// <summary>
/// An orchestrator's winning tickets (key: its address), redeemed as go-livepeer's queue does (payments-pm.md §5.4):
/// only after their parameters expired (revealing the rand earlier would let the sender reuse it), within their round
/// window, after checking the ticket is unused and the sender's funds cover the transaction; "ticket is used" and
/// failed transactions end a ticket, anything else is retried with doubling waits. Each outcome is stored before the
/// next ticket is tried, and a reminder reactivates the queue after a restart, so a ticket is redeemed once.
/// Reentrant so that queueing a winner never waits behind a redemption pass; writes are serialized. Placed on the
/// calling orchestrator silo, which has the chain settings and the redeeming key.
/// </summary>
[GrainType("livepeer-redemption"), Reentrant, PreferLocalPlacement]
internal sealed partial class RedemptionGrain(
    [PersistentState("redemption", LivepeerStorage.Name)] IPersistentState<RedemptionState> state,
    IPaymentChain chain,
    IOptions<RecipientPaymentOptions> options,
    TimeProvider time,
    ILogger<RedemptionGrain> logger) : Grain, IRedemptionGrain, IRemindable
{
    /// <summary>Outcomes kept for the status.</summary>
    internal const int RecentLimit = 1000;

    private const string ReminderName = "redeem";

    /// <summary>Orleans' shortest reminder period; the grain timer does the frequent work while the grain is active.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private Task? writing;
    private bool passRunning;
    private bool reminderRegistered;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!chain.CanRedeem) return;
        var interval = options.Value.RedeemInterval;
        this.RegisterGrainTimer(ct => RedeemDueAsync(ct), new GrainTimerCreationOptions(interval, interval) { Interleave = true });
        if (state.State.Pending.Count > 0) await EnsureReminderAsync();
    }

    public async Task QueueAsync(ImmutableArray<WinningTicket> tickets, CancellationToken cancellationToken)
    {
        var known = state.State.Pending.Select(p => p.Hash).Concat(state.State.Recent.Select(r => r.TicketHash)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var ticket in tickets)
        {
            var hash = TicketWire.HashOf(ticket);
            if (!known.Add(hash)) continue;
            state.State.Pending.Add(new QueuedTicket
            {
                Ticket = ticket,
                Hash = hash,
                NextAttempt = time.GetUtcNow(),
                LastError = chain.CanRedeem ? null : OffChainPaymentChain.NotConfigured,
            });
            added++;
        }

        if (added == 0) return;
        await SaveAsync(cancellationToken);
        if (chain.CanRedeem) await EnsureReminderAsync();
    }

    public Task<string> PendingFaceValueAsync(string sender, CancellationToken cancellationToken)
    {
        var owner = EthAddress.Parse(sender);
        var total = state.State.Pending
            .Where(p => EthAddress.FromBytes(p.Ticket.Sender) == owner)
            .Aggregate(BigInteger.Zero, (sum, p) => sum + UInt256.FromBytes(p.Ticket.FaceValue));
        return Task.FromResult(total.ToString(CultureInfo.InvariantCulture));
    }

    public Task<RedemptionStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new RedemptionStatus(
            this.GetPrimaryKeyString(),
            chain.CanRedeem,
            [.. state.State.Pending.Select(p => new PendingRedemption(
                p.Hash, TicketWire.KeyOf(EthAddress.FromBytes(p.Ticket.Sender)), Wei(p.Ticket.FaceValue),
                p.Ticket.ParamsExpirationBlock, p.Attempts, p.LastError))],
            [.. state.State.Recent],
            state.State.Redeemed,
            state.State.RedeemedFaceValue,
            state.State.Transferred));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Pending.Count == 0 || !chain.CanRedeem)
        {
            await UnregisterReminderAsync();
            return;
        }

        await RedeemDueAsync(CancellationToken.None);
    }

    public async Task RedeemDueAsync(CancellationToken cancellationToken)
    {
        if (!chain.CanRedeem || passRunning || state.State.Pending.Count == 0) return;
        passRunning = true;
        try
        {
            var snapshot = await chain.GetSnapshotAsync(cancellationToken);
            foreach (var queued in state.State.Pending.OrderBy(p => p.Ticket.ParamsExpirationBlock).ToList())
            {
                if (queued.NextAttempt > time.GetUtcNow()) continue;
                if (queued.Ticket.ParamsExpirationBlock > snapshot.LastSeenL1Block)
                {
                    queued.LastError = $"waiting for its parameters to expire at L1 block {queued.Ticket.ParamsExpirationBlock}";
                    continue;
                }

                await RedeemAsync(queued, snapshot, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPassFailed(logger, this.GetPrimaryKeyString(), e.Message);
        }
        finally
        {
            passRunning = false;
        }

        if (state.State.Pending.Count == 0 && reminderRegistered) await UnregisterReminderAsync();
    }

    private async Task RedeemAsync(QueuedTicket queued, ChainSnapshot snapshot, CancellationToken cancellationToken)
    {
        var winner = queued.Ticket;
        if (winner.CreationRound + TicketValidityRounds <= snapshot.CurrentRound)
        {
            await FinishAsync(queued, RedemptionOutcome.Expired, null, BigInteger.Zero, $"ticket is expired: created in round {winner.CreationRound}, now round {snapshot.CurrentRound}", cancellationToken);
            return;
        }

        var ticket = TicketWire.ToTicket(winner);
        try
        {
            if (await chain.IsTicketUsedAsync(ticket.Hash(), cancellationToken))
            {
                await FinishAsync(queued, RedemptionOutcome.AlreadyUsed, null, BigInteger.Zero, "ticket already used", cancellationToken);
                return;
            }

            var txCost = options.Value.RedeemGas * snapshot.GasPrice;
            var funds = await chain.GetSenderFundsAsync(ticket.Sender, ticket.Recipient, cancellationToken);
            if (funds is { RecipientActive: false })
            {
                // As go-livepeer does: an orchestrator outside the active set waits (the round may change) rather than redeem.
                await RetryLaterAsync(queued, $"orchestrator is not active in round {snapshot.CurrentRound}", cancellationToken);
                return;
            }

            if (funds is not null && funds.Deposit + funds.ReserveAllocation <= txCost)
            {
                await RetryLaterAsync(queued, "insufficient sender funds for redeem tx cost", cancellationToken);
                return;
            }

            if (ticket.FaceValue <= txCost)
            {
                await RetryLaterAsync(queued, "insufficient ticket face value for redeem tx cost", cancellationToken);
                return;
            }

            var receipt = await chain.RedeemAsync(ticket, winner.Signature, UInt256.FromBytes(winner.RecipientRand), cancellationToken);
            if (receipt.Succeeded)
                await FinishAsync(queued, RedemptionOutcome.Redeemed, receipt.TransactionHash, receipt.Transferred, null, cancellationToken);
            else if (receipt.RevertReason == "ticket is used")
                await FinishAsync(queued, RedemptionOutcome.AlreadyUsed, receipt.TransactionHash, BigInteger.Zero, receipt.RevertReason, cancellationToken);
            else if (receipt.RevertReason is { } reason && (reason.Contains("transaction failed", StringComparison.Ordinal) || reason.Contains("ticket creationRound does not have a block hash", StringComparison.Ordinal)))
                await FinishAsync(queued, RedemptionOutcome.Failed, receipt.TransactionHash, BigInteger.Zero, reason, cancellationToken);
            else
                await RetryLaterAsync(queued, receipt.RevertReason ?? "redemption refused", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RetryLaterAsync(queued, e.Message, cancellationToken);
        }
    }

    /// <summary>The contract's <c>ticketValidityPeriod</c>: a ticket is redeemable until its creation round + 2.</summary>
    private const long TicketValidityRounds = 2;

    private async Task FinishAsync(QueuedTicket queued, RedemptionOutcome outcome, string? transaction, BigInteger transferred, string? detail, CancellationToken cancellationToken)
    {
        state.State.Pending.Remove(queued);
        var faceValue = UInt256.FromBytes(queued.Ticket.FaceValue);
        state.State.Recent.Add(new RedemptionRecord(
            queued.Hash, TicketWire.KeyOf(EthAddress.FromBytes(queued.Ticket.Sender)), faceValue.ToString(CultureInfo.InvariantCulture),
            outcome, transaction, transferred.ToString(CultureInfo.InvariantCulture), detail, time.GetUtcNow()));
        if (state.State.Recent.Count > RecentLimit) state.State.Recent.RemoveRange(0, state.State.Recent.Count - RecentLimit);
        if (outcome == RedemptionOutcome.Redeemed)
        {
            state.State.Redeemed++;
            state.State.RedeemedFaceValue = (BigInteger.Parse(state.State.RedeemedFaceValue, CultureInfo.InvariantCulture) + faceValue).ToString(CultureInfo.InvariantCulture);
            state.State.Transferred = (BigInteger.Parse(state.State.Transferred, CultureInfo.InvariantCulture) + transferred).ToString(CultureInfo.InvariantCulture);
        }

        await SaveAsync(cancellationToken);
        LogFinished(logger, queued.Hash, outcome, transaction, detail);
    }

    private async Task RetryLaterAsync(QueuedTicket queued, string reason, CancellationToken cancellationToken)
    {
        queued.Attempts++;
        var wait = options.Value.RetryInterval * Math.Pow(2, Math.Min(queued.Attempts - 1, 20));
        queued.NextAttempt = time.GetUtcNow() + (wait < options.Value.MaxRetryInterval ? wait : options.Value.MaxRetryInterval);
        queued.LastError = reason;
        await SaveAsync(cancellationToken);
        LogDeferred(logger, queued.Hash, reason, queued.Attempts);
    }

    private async Task EnsureReminderAsync()
    {
        if (reminderRegistered) return;
        await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod, CancellationToken.None);
        reminderRegistered = true;
    }

    private async Task UnregisterReminderAsync()
    {
        if (await this.GetReminder(ReminderName, CancellationToken.None) is { } reminder)
            await this.UnregisterReminder(reminder, CancellationToken.None);
        reminderRegistered = false;
    }

    /// <summary>One write at a time (storage refuses overlapping writes of one grain); turns are single-threaded, so the check is atomic.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        while (writing is { } other) await other;
        writing = state.WriteStateAsync(cancellationToken);
        try
        {
            await writing;
        }
        finally
        {
            writing = null;
        }
    }

    private static string Wei(byte[] value) => UInt256.FromBytes(value).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Winning ticket {Hash}: {Outcome} (transaction {Transaction}; {Detail})")]
    private static partial void LogFinished(ILogger logger, string hash, RedemptionOutcome outcome, string? transaction, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Winning ticket {Hash} not redeemed yet: {Reason} (attempt {Attempts})")]
    private static partial void LogDeferred(ILogger logger, string hash, string reason, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redemption pass of {Recipient} stopped: {Reason}")]
    private static partial void LogPassFailed(ILogger logger, string recipient, string reason);
}
