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

        var checks = new List<TicketCheck>(payment.Tickets.Count);
        for (var i = 0; i < payment.Tickets.Count; i++)
        {
            var ticket = payment.TicketAt(i);
            var signature = payment.Tickets[i].Signature;
            var check = Check(ticket, signature, parameters, payment.ExpectedPrice, lastSeenL1Block);
            checks.Add(check);

            // A fatal error is about the payment, not the ticket: the rest would fail the same way.
            if (check.IsFatal)
                break;
        }

        return checks;
    }

    private TicketCheck Check(Ticket ticket, byte[] signature, PaymentTicketParams parameters, PriceInfo? price, BigInteger lastSeenL1Block)
    {
        if (price is { PixelsPerUnit: <= 0 } || price is { PricePerUnit: < 0 })
            return new TicketCheck(ticket, signature, 0, false, TicketError.InvalidPrice);
        var rand = RecipientRand.Derive(
            secret, parameters.Seed, ticket.Sender, ticket.FaceValue, ticket.WinProb, parameters.ExpirationBlock,
            price?.PricePerUnit ?? 0, price?.PixelsPerUnit ?? 1, ticket.AuxData());
        TicketCheck Result(bool won, TicketError error) => new(ticket, signature, rand, won, error);

        if (ticket.Recipient != recipient)
            return Result(false, TicketError.InvalidRecipient);
        if (ticket.Sender == default)
            return Result(false, TicketError.InvalidSender);
        if (!RecipientRand.Commitment(rand).AsSpan().SequenceEqual(ticket.RecipientRandHash))
            return Result(false, TicketError.InvalidRecipientRand);
        if (TicketSignature.Verify(ticket.Hash(), signature, ticket.Sender) != SignatureProblem.None)
            return Result(false, TicketError.InvalidSignature);

        var won = RecipientRand.IsWinning(signature, rand, ticket.WinProb);
        var nonce = nonces.Record(rand, ticket.SenderNonce, parameters.ExpirationBlock);
        if (nonce != TicketError.None)
            return Result(won, nonce);
        return parameters.ExpirationBlock <= lastSeenL1Block ? Result(won, TicketError.ParamsExpired) : Result(won, TicketError.None);
    }
}
