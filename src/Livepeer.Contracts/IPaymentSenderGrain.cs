namespace Livepeer.Contracts;

/// <summary>
/// A gateway paying one orchestrator, keyed <c>{sender}/{recipient}</c> (lower-case 0x addresses): the one writer of
/// ticket nonces for that pair, fresh ticket parameters before they expire, and credit per capability as expected
/// value. A job's fee is paid for before it is sent; a failed job's credit stays the gateway's.
/// </summary>
[Alias("livepeer.payment-sender")]
public interface IPaymentSenderGrain : IGrainWithStringKey
{
    /// <summary>The <c>Livepeer-Payment</c> header value for a job: tickets for the fee not covered by credit (possibly none).</summary>
    /// <exception cref="JobFailedException"><see cref="JobErrorKind.PaymentRejected"/> when this gateway will not pay on these terms (e.g. ticket EV over its limit).</exception>
    [Alias("prepare")]
    Task<string> PrepareAsync(JobPaymentRequest request, CancellationToken cancellationToken = default);

    /// <summary>Settles a prepared job: completed with <paramref name="units"/> (its fee is spent), or failed (null: nothing is spent).</summary>
    [Alias("settle")]
    Task SettleAsync(string jobId, long? units, CancellationToken cancellationToken = default);

    /// <summary>
    /// After the orchestrator refused a payment: the job's staged credit is dropped (the orchestrator did not take it),
    /// credit for the capability is cleared and new ticket parameters are fetched, so the next payment covers the fee on its own.
    /// </summary>
    [Alias("refused")]
    Task RefusedAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>Credit and counters.</summary>
    [Alias("status")]
    Task<PaymentSenderStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
