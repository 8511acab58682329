using System.Numerics;
using Livepeer.Contracts;
using Livepeer.Payments;
using Nethereum.Hex.HexConvertors.Extensions;

namespace Livepeer.Grains.Payments;

/// <summary>Between the payments library's types and the grain contracts' byte-array records.</summary>
internal static class TicketWire
{
    public static TicketParamsOffer ToOffer(PaymentTicketParams parameters, PriceInfo price, BigInteger lastSeenL1Block) =>
        new(PaymentHeader.TicketOffer(parameters, price), (long)lastSeenL1Block);

    public static (PaymentTicketParams Parameters, ExpirationParams Expiration, PriceInfo Price) FromOffer(TicketParamsOffer offer) =>
        PaymentHeader.ReadTicketOffer(offer.OrchestratorInfo);

    public static WinningTicket ToWinning(TicketCheck check, BigInteger paramsExpirationBlock) => new(
        check.Ticket.Recipient.Bytes.ToArray(), check.Ticket.Sender.Bytes.ToArray(), UInt256.ToMinimal(check.Ticket.FaceValue),
        UInt256.ToMinimal(check.Ticket.WinProb), check.Ticket.SenderNonce, check.Ticket.RecipientRandHash, check.Ticket.CreationRound,
        check.Ticket.CreationRoundBlockHash, check.Signature, UInt256.ToMinimal(check.Rand), (long)paramsExpirationBlock);

    public static Ticket ToTicket(WinningTicket winner) => new()
    {
        Recipient = EthAddress.FromBytes(winner.Recipient),
        Sender = EthAddress.FromBytes(winner.Sender),
        FaceValue = UInt256.FromBytes(winner.FaceValue),
        WinProb = UInt256.FromBytes(winner.WinProb),
        SenderNonce = winner.SenderNonce,
        RecipientRandHash = winner.RecipientRandHash,
        CreationRound = winner.CreationRound,
        CreationRoundBlockHash = winner.CreationRoundBlockHash,
    };

    /// <summary>0x hex of the ticket's hash, the key it is known by.</summary>
    public static string HashOf(WinningTicket winner) => ToTicket(winner).Hash().ToHex(prefix: true);

    /// <summary>The lower-case 0x form addresses take in grain keys.</summary>
    public static string KeyOf(EthAddress address) => address.Bytes.ToArray().ToHex(prefix: true);
}
