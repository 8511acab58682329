using System.Collections.Immutable;

namespace Livepeer.Contracts;

/// <summary>A gateway's side of paying one orchestrator. Amounts are exact wei, <c>n</c> or <c>n/d</c>.</summary>
/// <param name="Sender">The gateway's address.</param>
/// <param name="Recipient">The orchestrator.</param>
/// <param name="Credit">Credit the gateway believes it has there, per capability (mirrors the orchestrator's balance).</param>
/// <param name="TicketsSent">Tickets signed and sent.</param>
/// <param name="ExpectedValueSent">Their expected value in total.</param>
/// <param name="FeesPaid">Fees of completed jobs in total.</param>
/// <param name="JobsPaid">Jobs completed and paid for.</param>
/// <param name="JobsRefunded">Jobs that failed, whose credit stayed the gateway's.</param>
[GenerateSerializer, Immutable, Alias("livepeer.payment-sender-status")]
public sealed record PaymentSenderStatus(
    [property: Id(0)] string Sender,
    [property: Id(1)] string Recipient,
    [property: Id(2)] ImmutableDictionary<string, string> Credit,
    [property: Id(3)] long TicketsSent,
    [property: Id(4)] string ExpectedValueSent,
    [property: Id(5)] string FeesPaid,
    [property: Id(6)] long JobsPaid,
    [property: Id(7)] long JobsRefunded);
