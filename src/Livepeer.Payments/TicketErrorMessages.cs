namespace Livepeer.Payments;

/// <summary>go-livepeer's texts for refused tickets (payments-pm.md §5.2), so operators can search them as they know them.</summary>
public static class TicketErrorMessages
{
    /// <summary>The message for <paramref name="check"/>'s error.</summary>
    public static string For(TicketCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var ticket = check.Ticket;
        return check.Error switch
        {
            TicketError.None => "ticket accepted",
            TicketError.InvalidPrice => "invalid expected price sent with payment",
            TicketError.InvalidRecipient => "invalid ticket recipient",
            TicketError.InvalidSender => "invalid ticket sender",
            TicketError.InvalidRecipientRand => "invalid recipientRand for ticket recipientRandHash",
            TicketError.InvalidSignature => "invalid ticket signature",
            TicketError.NonceAlreadySeen => $"invalid ticket senderNonce: already seen sender={ticket.Sender} nonce={ticket.SenderNonce}",
            TicketError.TooManyNonces => $"invalid ticket senderNonce: too many values sender={ticket.Sender} nonce={ticket.SenderNonce}",
            TicketError.ParamsExpired => "TicketParams expired",
            _ => check.Error.ToString(),
        };
    }
}
