using System.Collections.Immutable;

namespace Livepeer.Contracts;

/// <summary>An orchestrator's account of one sender. Amounts are exact wei, written <c>n</c> or <c>n/d</c> (expected values are fractions).</summary>
/// <param name="Recipient">The orchestrator.</param>
/// <param name="Sender">The gateway paying it.</param>
/// <param name="Balances">Credit per capability (<c>{pipeline}/{model}</c>).</param>
/// <param name="TicketsAccepted">Tickets whose expected value was credited.</param>
/// <param name="TicketsRefused">Tickets refused (bad signature, replayed nonce, expired parameters…).</param>
/// <param name="WinningTickets">Winning tickets handed to redemption.</param>
/// <param name="Credited">Expected value credited in total.</param>
/// <param name="Debited">Fees debited in total.</param>
[GenerateSerializer, Immutable, Alias("livepeer.payment-account-status")]
public sealed record PaymentAccountStatus(
    [property: Id(0)] string Recipient,
    [property: Id(1)] string Sender,
    [property: Id(2)] ImmutableDictionary<string, string> Balances,
    [property: Id(3)] long TicketsAccepted,
    [property: Id(4)] long TicketsRefused,
    [property: Id(5)] long WinningTickets,
    [property: Id(6)] string Credited,
    [property: Id(7)] string Debited);
