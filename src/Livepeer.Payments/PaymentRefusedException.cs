namespace Livepeer.Payments;

/// <summary>A gateway will not pay on the terms it was offered (expired or oversized tickets, too many tickets for one payment).</summary>
public sealed class PaymentRefusedException(string message) : Exception(message);
