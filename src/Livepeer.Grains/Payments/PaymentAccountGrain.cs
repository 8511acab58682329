using System.Collections.Immutable;
using System.Numerics;
using System.Security.Cryptography;
using Livepeer.Contracts;
using Livepeer.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace Livepeer.Grains.Payments;

/// <summary>
/// An orchestrator's account of one sender (key <c>{recipient}/{sender}</c>). Not reentrant: it is the one writer of the
/// sender's nonces and balances, so two payments can never both spend the same credit or reuse a nonce. Everything a
/// restart must not lose — the rand secret, nonces, balances — is written before a call that changed it returns.
/// Placed on the calling orchestrator silo, which has the chain settings.
/// </summary>
[GrainType("livepeer-payment-account"), PreferLocalPlacement]
internal sealed partial class PaymentAccountGrain(
    [PersistentState("payment-account", LivepeerStorage.Name)] IPersistentState<PaymentAccountState> state,
    IPaymentChain chain,
    IOptions<RecipientPaymentOptions> options,
    TimeProvider time,
    ILogger<PaymentAccountGrain> logger) : Grain, IPaymentAccountGrain
{
    private readonly Dictionary<string, Wei> balances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Capability, Wei Fee)> holds = new(StringComparer.Ordinal);
    private readonly SenderNonceLedger nonces = new();
    private EthAddress recipient;
    private EthAddress sender;
    private TicketValidator? validator;
    private Wei credited;
    private Wei debited;
    private (SenderStanding Standing, DateTimeOffset ReadAt)? standing;

    private TicketValidator Validator => validator ?? throw new InvalidOperationException("The account is not active.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        recipient = EthAddress.Parse(key[..slash]);
        sender = EthAddress.Parse(key[(slash + 1)..]);
        if (state.State.Secret.Length == 0)
        {
            // The secret must be stored before any parameters derived from it leave this grain.
            state.State.Secret = RandomNumberGenerator.GetBytes(32);
            await state.WriteStateAsync(cancellationToken);
        }

        foreach (var (capability, balance) in state.State.Balances)
            balances[capability] = Wei.Parse(balance);
        nonces.Import(state.State.Nonces.Select(n => new NonceRecordSet(UInt256.FromBytes(n.Rand), n.ExpirationBlock, n.Contiguous, n.Others)));
        credited = Wei.Parse(state.State.Credited);
        debited = Wei.Parse(state.State.Debited);
        validator = new TicketValidator(recipient, state.State.Secret, nonces);
    }

    public async Task<TicketParamsOffer> IssueTicketParamsAsync(long pricePerUnit, long pixelsPerUnit, CancellationToken cancellationToken)
    {
        var price = new PriceInfo(pricePerUnit, pixelsPerUnit);
        var snapshot = await chain.GetSnapshotAsync(cancellationToken);
        var funds = await StandingAsync(snapshot, cancellationToken);
        if (funds.Problem is { } refused)
            throw Rejected(refused);
        var parameters = TicketParamsIssuer.Issue(recipient, state.State.Secret, sender, price, snapshot, funds.MaxFloat, options.Value.Policy(), out var problem)
            ?? throw Rejected(problem!);
        return TicketWire.ToOffer(parameters, price, snapshot.LastSeenL1Block);
    }

    public async Task AdmitAsync(JobAdmission admission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admission);
        var price = new PriceInfo(admission.PricePerUnit, admission.PixelsPerUnit);
        if (admission.Payment.Length == 0)
            throw new JobFailedException(JobErrorKind.PaymentRequired, $"{admission.Capability} costs {price.PricePerUnit} wei per {price.PixelsPerUnit} units; send a {PaymentHeader.Name} header.");
        Payment payment;
        try
        {
            payment = PaymentHeader.Decode(admission.Payment);
        }
        catch (PaymentHeaderException e)
        {
            throw new JobFailedException(JobErrorKind.PaymentRequired, $"Could not parse the {PaymentHeader.Name} header: {e.Message}");
        }

        if (payment.Sender != sender)
            throw Rejected($"payment from {payment.Sender} sent to the account of {sender}");
        if (payment.Tickets.Count > 0)
            await ReceiveTicketsAsync(payment, admission.Capability, price, cancellationToken);

        var fee = Wei.Fee(admission.EstimatedUnits, price);
        var available = Balance(admission.Capability) - Held(admission.Capability);
        if (available < fee || available <= Wei.Zero)
            throw new JobFailedException(JobErrorKind.InsufficientBalance, $"Insufficient balance: sender {sender} has {available.Floor()} wei of credit for {admission.Capability} and the job's fee is {fee.Ceiling()} wei.");
        holds[admission.JobId] = (admission.Capability, fee);
    }

    public async Task<string> SettleAsync(JobAdmission admission, long units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admission);
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        holds.Remove(admission.JobId);
        var fee = Wei.Fee(units, new PriceInfo(admission.PricePerUnit, admission.PixelsPerUnit));
        var balance = balances[admission.Capability] = Balance(admission.Capability) - fee;
        debited += fee;
        await SaveAsync(cancellationToken);
        return balance.ToString();
    }

    public Task ReleaseAsync(string jobId, CancellationToken cancellationToken)
    {
        holds.Remove(jobId);
        return Task.CompletedTask;
    }

    public Task<PaymentAccountStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new PaymentAccountStatus(
            TicketWire.KeyOf(recipient), TicketWire.KeyOf(sender),
            balances.ToImmutableDictionary(b => b.Key, b => b.Value.ToString(), StringComparer.Ordinal),
            state.State.TicketsAccepted, state.State.TicketsRefused, state.State.WinningTickets, credited.ToString(), debited.ToString()));

    /// <summary>
    /// go-livepeer's ProcessPayment: a fatal error refuses the payment outright; after any other error no further ticket
    /// is credited; winning tickets are queued for redemption whatever else went wrong with them.
    /// </summary>
    private async Task ReceiveTicketsAsync(Payment payment, string capability, PriceInfo price, CancellationToken cancellationToken)
    {
        if (payment.TicketParams is not { } parameters)
            throw Rejected("payment has tickets but no ticket parameters");
        if (payment.ExpectedPrice is not { } expected || Wei.Fraction(expected.PricePerUnit, Math.Max(1, expected.PixelsPerUnit)) != Wei.Fee(1, price) || expected.PixelsPerUnit <= 0)
            throw Rejected($"invalid expected price sent with payment: {capability} costs {price.PricePerUnit}/{price.PixelsPerUnit} wei per unit");

        var snapshot = await chain.GetSnapshotAsync(cancellationToken);
        var funds = await StandingAsync(snapshot, cancellationToken);
        if (funds.Problem is { } refused)
            throw Rejected(refused);
        if (funds.MaxFloat is { } maxFloat && parameters.FaceValue > maxFloat)
            throw Rejected("insufficient sender reserve");

        nonces.Prune(snapshot.LastSeenL1Block);
        var checks = Validator.Validate(payment, snapshot.LastSeenL1Block);
        if (checks.FirstOrDefault(c => c.IsFatal) is { } fatal)
        {
            state.State.TicketsRefused += checks.Count;
            throw Rejected(TicketErrorMessages.For(fatal));
        }

        TicketCheck? firstError = null;
        var credit = Wei.Zero;
        var winners = ImmutableArray.CreateBuilder<WinningTicket>();
        foreach (var check in checks)
        {
            if (check.Won) winners.Add(TicketWire.ToWinning(check, parameters.ExpirationBlock));
            if (check.Credited && firstError is null)
            {
                credit += Wei.ExpectedValue(check.Ticket.FaceValue, check.Ticket.WinProb);
                state.State.TicketsAccepted++;
                continue;
            }

            firstError ??= check;
            state.State.TicketsRefused++;
        }

        if (winners.Count > 0)
        {
            // Queued (and stored by the queue) before this payment is acknowledged: a win is never only in memory.
            await GrainFactory.GetGrain<IRedemptionGrain>(TicketWire.KeyOf(recipient)).QueueAsync(winners.ToImmutable(), cancellationToken);
            state.State.WinningTickets += winners.Count;
            standing = null;
            LogWinners(logger, winners.Count, sender);
        }

        balances[capability] = Balance(capability) + credit;
        credited += credit;
        await SaveAsync(cancellationToken);
        if (firstError is not null)
            throw Rejected(TicketErrorMessages.For(firstError));
    }

    /// <summary>Whether the sender may pay with tickets, and what its reserve guarantees (payments-pm.md §5.3); cached briefly.</summary>
    private async Task<SenderStanding> StandingAsync(ChainSnapshot snapshot, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (standing is { } cached && now - cached.ReadAt < options.Value.SenderFundsCacheTime)
            return cached.Standing;

        SenderFunds? funds;
        try
        {
            funds = await chain.GetSenderFundsAsync(sender, recipient, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new SenderStanding(null, $"could not get sender info for {sender}: {e.Message}");
        }

        SenderStanding result;
        if (funds is null)
        {
            result = new SenderStanding(null, null);
        }
        else if (!funds.RecipientActive)
        {
            result = new SenderStanding(null, $"orchestrator {recipient} is inactive in round {snapshot.CurrentRound}, cannot process payments");
        }
        else if (funds.WithdrawRound != 0 && funds.WithdrawRound <= snapshot.CurrentRound + 1)
        {
            result = new SenderStanding(null, $"deposit and reserve for sender {sender} is set to unlock soon");
        }
        else
        {
            var pending = BigInteger.Parse(await GrainFactory.GetGrain<IRedemptionGrain>(TicketWire.KeyOf(recipient)).PendingFaceValueAsync(TicketWire.KeyOf(sender), cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            // A deposit three times what is pending covers it without touching the reserve (go-livepeer's minDepositPendingRatio).
            var maxFloat = pending > 0 && funds.Deposit >= pending * 3 ? funds.ReserveAllocation : funds.ReserveAllocation - pending;
            result = new SenderStanding(maxFloat, null);
        }

        standing = (result, now);
        return result;
    }

    private Wei Balance(string capability) => balances.GetValueOrDefault(capability);

    private Wei Held(string capability) =>
        holds.Values.Where(h => h.Capability == capability).Aggregate(Wei.Zero, (sum, h) => sum + h.Fee);

    private Task SaveAsync(CancellationToken cancellationToken)
    {
        state.State.Balances = balances.ToDictionary(b => b.Key, b => b.Value.ToString(), StringComparer.Ordinal);
        state.State.Nonces = [.. nonces.Export().Select(n => new NonceRecord(UInt256.ToWord(n.Rand), (long)n.ExpirationBlock, n.Others, n.Contiguous))];
        state.State.Credited = credited.ToString();
        state.State.Debited = debited.ToString();
        return state.WriteStateAsync(cancellationToken);
    }

    private JobFailedException Rejected(string reason)
    {
        LogRejected(logger, sender, reason);
        return new JobFailedException(JobErrorKind.PaymentRejected, reason);
    }

    private sealed record SenderStanding(BigInteger? MaxFloat, string? Problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} winning tickets from {Sender} for redemption")]
    private static partial void LogWinners(ILogger logger, int count, EthAddress sender);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment from {Sender} refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, EthAddress sender, string reason);
}
