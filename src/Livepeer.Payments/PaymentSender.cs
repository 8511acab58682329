using System.Numerics;
using Nethereum.Signer;

namespace Livepeer.Payments;

/// <summary>
/// A gateway's side of paying one orchestrator, without any hosting: a ticket session per capability (new parameters
/// before they expire or run out of nonces), credit per capability as exact expected value, and go-livepeer's staging —
/// a job takes the whole credit and pays tickets for what it lacks of max(fee, one EV); when it completes the change
/// (credit + tickets − fee) goes back, and when it fails everything does, since the orchestrator debits nothing then.
/// Not thread-safe: one owner (a grain, or a client behind its own lock) calls it at a time.
/// </summary>
public sealed class PaymentSender(EthECKey key, SenderLimits limits, int refreshBlocks)
{
    private readonly Dictionary<string, Wei> credit = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PaymentSession> sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Capability, Wei Amount, PriceInfo Price)> staged = new(StringComparer.Ordinal);

    /// <summary>The signer's address.</summary>
    public EthAddress Address { get; } = EthAddress.Parse(key.GetPublicAddress());

    /// <summary>Credit believed to be at the orchestrator, per capability.</summary>
    public IReadOnlyDictionary<string, Wei> Credit => credit;

    /// <summary>Tickets signed so far.</summary>
    public long TicketsSent { get; private set; }

    /// <summary>Their expected value.</summary>
    public Wei ExpectedValueSent { get; private set; }

    /// <summary>Fees of completed jobs.</summary>
    public Wei FeesPaid { get; private set; }

    /// <summary>Completed jobs.</summary>
    public long JobsPaid { get; private set; }

    /// <summary>Failed jobs whose credit came back.</summary>
    public long JobsRefunded { get; private set; }

    /// <summary>Puts back what was persisted (credit and counters) after a restart; sessions are never restored, so nonces never repeat.</summary>
    public void Restore(IReadOnlyDictionary<string, Wei> savedCredit, long ticketsSent, Wei expectedValueSent, Wei feesPaid, long jobsPaid, long jobsRefunded)
    {
        ArgumentNullException.ThrowIfNull(savedCredit);
        foreach (var (capability, amount) in savedCredit) credit[capability] = amount;
        (TicketsSent, ExpectedValueSent, FeesPaid, JobsPaid, JobsRefunded) = (ticketsSent, expectedValueSent, feesPaid, jobsPaid, jobsRefunded);
    }

    /// <summary>
    /// A payment for job <paramref name="jobId"/> of <paramref name="units"/> units of <paramref name="capability"/>,
    /// asking <paramref name="newSession"/> for parameters when there are none fit to use.
    /// </summary>
    /// <exception cref="PaymentRefusedException">The parameters fail the sender's checks (payments-pm.md §3.4) or the fee needs more than 600 tickets.</exception>
    public async Task<Payment> PrepareAsync(
        string jobId, string capability, long units, BigInteger lastSeenL1Block, BigInteger? deposit,
        Func<CancellationToken, Task<PaymentSession>> newSession, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newSession);
        var session = await SessionAsync(capability, lastSeenL1Block, 0, newSession, cancellationToken).ConfigureAwait(false);
        var fee = Wei.Fee(units, session.Price);
        var ev = session.ExpectedValue;
        if (ev <= Wei.Zero)
            throw new PaymentRefusedException("the orchestrator's ticket parameters are worth nothing (face value or win probability 0)");
        var existing = credit.GetValueOrDefault(capability);
        var needed = TicketsFor(fee > ev ? fee : ev, existing, ev);
        if (needed > SenderNonceLedger.MaxNoncesPerRand)
            throw new PaymentRefusedException($"the job's fee needs {needed} tickets of {ev.Floor()} wei; a payment holds at most {SenderNonceLedger.MaxNoncesPerRand}");
        var tickets = (int)needed;
        if (session.NoncesUsed + tickets > SenderNonceLedger.MaxNoncesPerRand)
            session = await SessionAsync(capability, lastSeenL1Block, tickets, newSession, cancellationToken).ConfigureAwait(false);

        if (TicketParamsCheck.Problem(session.Parameters, tickets, lastSeenL1Block, deposit, limits) is { } problem)
        {
            sessions.Remove(capability);
            throw new PaymentRefusedException(problem);
        }

        var payment = session.CreatePayment(tickets);
        credit[capability] = Wei.Zero;
        staged[jobId] = (capability, existing + (ev * tickets), session.Price);
        TicketsSent += tickets;
        ExpectedValueSent += ev * tickets;
        return payment;
    }

    /// <summary>Settles a prepared job: completed with <paramref name="units"/>, or failed (null). False when the job was not staged.</summary>
    public bool Settle(string jobId, long? units)
    {
        if (!staged.Remove(jobId, out var job)) return false;
        var fee = units is { } produced ? Wei.Fee(produced, job.Price) : Wei.Zero;
        credit[job.Capability] = credit.GetValueOrDefault(job.Capability) + job.Amount - fee;
        if (units is null)
        {
            JobsRefunded++;
            return true;
        }

        FeesPaid += fee;
        JobsPaid++;
        return true;
    }

    /// <summary>
    /// The orchestrator refused the job's payment: what it staged is dropped (the orchestrator did not take it), the
    /// capability's credit is cleared and its session dropped, so the next payment covers its fee alone on new parameters.
    /// </summary>
    public bool Refused(string jobId)
    {
        if (!staged.Remove(jobId, out var job)) return false;
        credit[job.Capability] = Wei.Zero;
        sessions.Remove(job.Capability);
        return true;
    }

    private async Task<PaymentSession> SessionAsync(
        string capability, BigInteger lastSeenL1Block, int nonces, Func<CancellationToken, Task<PaymentSession>> newSession, CancellationToken cancellationToken)
    {
        if (sessions.TryGetValue(capability, out var session)
            && session.Parameters.ExpirationBlock - lastSeenL1Block > refreshBlocks
            && session.NoncesUsed + nonces <= SenderNonceLedger.MaxNoncesPerRand)
            return session;
        session = await newSession(cancellationToken).ConfigureAwait(false);
        sessions[capability] = session;
        return session;
    }

    private static BigInteger TicketsFor(Wei needed, Wei existing, Wei expectedValue)
    {
        if (existing >= needed) return BigInteger.Zero;
        var gap = needed - existing;
        var count = BigInteger.DivRem(gap.Numerator * expectedValue.Denominator, gap.Denominator * expectedValue.Numerator, out var remainder);
        return remainder.IsZero ? count : count + 1;
    }
}
