namespace Livepeer.Contracts;

/// <summary>
/// An orchestrator's account of one sender, keyed <c>{recipient}/{sender}</c> (lower-case 0x addresses): the ticket
/// parameters it issues to that sender, the nonces it has seen, credit per capability, fees held for jobs in flight.
/// One writer per sender, so nonce and balance checks never race; persisted on every change of money state.
/// </summary>
[Alias("livepeer.payment-account")]
public interface IPaymentAccountGrain : IGrainWithStringKey
{
    /// <summary>New ticket parameters bound to <paramref name="pricePerUnit"/>/<paramref name="pixelsPerUnit"/>.</summary>
    /// <exception cref="JobFailedException">The sender may not be paid with tickets now (e.g. its reserve is exhausted).</exception>
    [Alias("issue-params")]
    Task<TicketParamsOffer> IssueTicketParamsAsync(long pricePerUnit, long pixelsPerUnit, CancellationToken cancellationToken = default);

    /// <summary>Validates and credits the payment, then holds the job's estimated fee; throws when the job may not start.</summary>
    /// <exception cref="JobFailedException"><see cref="JobErrorKind.PaymentRequired"/>, <see cref="JobErrorKind.PaymentRejected"/> or <see cref="JobErrorKind.InsufficientBalance"/>.</exception>
    [Alias("admit")]
    Task AdmitAsync(JobAdmission admission, CancellationToken cancellationToken = default);

    /// <summary>Debits the fee of the <paramref name="units"/> an admitted job produced and releases its hold; returns the new balance.</summary>
    [Alias("settle")]
    Task<string> SettleAsync(JobAdmission admission, long units, CancellationToken cancellationToken = default);

    /// <summary>Releases a failed or cancelled job's hold without debiting anything.</summary>
    [Alias("release")]
    Task ReleaseAsync(string jobId, CancellationToken cancellationToken = default);

    /// <summary>Balances and counters.</summary>
    [Alias("status")]
    Task<PaymentAccountStatus> GetStatusAsync(CancellationToken cancellationToken = default);
}
