using System.Numerics;

namespace Livepeer.Payments;

/// <summary>Why a received ticket was refused, in the order go-livepeer's recipient checks (payments-pm.md §5.2).</summary>
public enum TicketError
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>The payment's price is unusable (no pixels per unit), so the rand cannot be derived. Fatal.</summary>
    InvalidPrice,

    /// <summary>"invalid ticket recipient": made out to another orchestrator. Fatal.</summary>
    InvalidRecipient,

    /// <summary>"invalid ticket sender": the zero address. Fatal.</summary>
    InvalidSender,

    /// <summary>"invalid recipientRand for ticket recipientRandHash": parameters this node did not issue, or altered. Fatal.</summary>
    InvalidRecipientRand,

    /// <summary>"invalid ticket signature": wrong signer, high s, bad v or length.</summary>
    InvalidSignature,

    /// <summary>"invalid ticket senderNonce: already seen".</summary>
    NonceAlreadySeen,

    /// <summary>"invalid ticket senderNonce: too many values" (600 per set of parameters).</summary>
    TooManyNonces,

    /// <summary>"TicketParams expired".</summary>
    ParamsExpired,
}

/// <summary>One ticket of a payment as the recipient judged it; <see cref="Won"/> is kept even for a replayed or late ticket, as go does.</summary>
/// <param name="Ticket">The ticket.</param>
/// <param name="Signature">Its signature.</param>
/// <param name="Rand">The recipient rand it was checked against.</param>
/// <param name="Won">Whether it wins.</param>
/// <param name="Error">Why it was refused, or <see cref="TicketError.None"/>.</param>
public sealed record TicketCheck(Ticket Ticket, byte[] Signature, BigInteger Rand, bool Won, TicketError Error)
{
    /// <summary>Errors that reject the whole payment rather than one ticket.</summary>
    public bool IsFatal => Error is TicketError.InvalidPrice or TicketError.InvalidRecipient or TicketError.InvalidSender or TicketError.InvalidRecipientRand;

    /// <summary>Whether the ticket's expected value is credited to the sender.</summary>
    public bool Credited => Error == TicketError.None;
}

/// <summary>
/// The orchestrator's check of a received payment, ticket by ticket, in go-livepeer's order: the rand re-derived from
/// the echoed parameters, recipient, sender, the rand's commitment, the signature, the win check, the nonce, expiry.
/// The on-chain sender check (deposit, reserve, unlock) is the caller's, before this.
/// </summary>
public sealed class TicketValidator(EthAddress recipient, byte[] secret, SenderNonceLedger nonces)
{
    /// <summary>Checks every ticket of <paramref name="payment"/> at L1 block <paramref name="lastSeenL1Block"/>.</summary>
    public IReadOnlyList<TicketCheck> Validate(Payment payment, BigInteger lastSeenL1Block)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.TicketParams is not { } parameters || payment.Tickets.Count == 0)
            return [];

        // Every ticket of a payment shares its parameters, so the rand and the payment-level (fatal) checks run once.
        var first = payment.TicketAt(0);
        var price = payment.ExpectedPrice;
        if (price is { PixelsPerUnit: <= 0 } || price is { PricePerUnit: < 0 })
            return [new TicketCheck(first, payment.Tickets[0].Signature, 0, false, TicketError.InvalidPrice)];
        var rand = RecipientRand.Derive(
            secret, parameters.Seed, first.Sender, first.FaceValue, first.WinProb, parameters.ExpirationBlock,
            price?.PricePerUnit ?? 0, price?.PixelsPerUnit ?? 1, first.AuxData());
        var fatal = first.Recipient != recipient ? TicketError.InvalidRecipient
            : first.Sender == default ? TicketError.InvalidSender
            : !RecipientRand.Commitment(rand).AsSpan().SequenceEqual(first.RecipientRandHash) ? TicketError.InvalidRecipientRand
            : TicketError.None;
        if (fatal != TicketError.None)
            return [new TicketCheck(first, payment.Tickets[0].Signature, rand, false, fatal)];

        var checks = new List<TicketCheck>(payment.Tickets.Count);
        for (var i = 0; i < payment.Tickets.Count; i++)
            checks.Add(Check(i == 0 ? first : payment.TicketAt(i), payment.Tickets[i].Signature, rand, parameters.ExpirationBlock, lastSeenL1Block));
        return checks;
    }

    private TicketCheck Check(Ticket ticket, byte[] signature, BigInteger rand, BigInteger expirationBlock, BigInteger lastSeenL1Block)
    {
        if (TicketSignature.Verify(ticket.Hash(), signature, ticket.Sender) != SignatureProblem.None)
            return new TicketCheck(ticket, signature, rand, false, TicketError.InvalidSignature);

        var won = RecipientRand.IsWinning(signature, rand, ticket.WinProb);
        var nonce = nonces.Record(rand, ticket.SenderNonce, expirationBlock);
        var error = nonce != TicketError.None ? nonce
            : expirationBlock <= lastSeenL1Block ? TicketError.ParamsExpired
            : TicketError.None;
        return new TicketCheck(ticket, signature, rand, won, error);
    }
}
