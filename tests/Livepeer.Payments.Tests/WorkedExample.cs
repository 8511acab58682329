using System.Globalization;
using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Util;

namespace Livepeer.Payments.Tests;

/// <summary>
/// The worked example of payments-pm.md §1.6: public anvil test accounts (#0 sends, #1 receives), go's test secret, a
/// fixed seed. Shared with the chain tests, which link this file.
/// </summary>
internal static class WorkedExample
{
    public static readonly EthECKey SenderKey = new("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    public static readonly EthAddress Sender = EthAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    public static readonly EthAddress Recipient = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    public static readonly byte[] Secret = [3, .. new byte[31]];
    public static readonly BigInteger Seed = Hex("1111111111111111111111111111111111111111111111111111111111111111");
    public static readonly BigInteger ExpectedValue = 8_000_000_000;
    public static readonly BigInteger FaceValue = BigInteger.Parse("1200000000000000", CultureInfo.InvariantCulture);
    public static readonly BigInteger WinProb = BigInteger.Parse("771947261582107969490473233391252719021799897770937093596383896000000000", CultureInfo.InvariantCulture);
    public static readonly BigInteger ExpirationBlock = 20_000_040;
    public const long CreationRound = 3500;
    public static readonly byte[] CreationRoundBlockHash = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("example block"));

    public static readonly BigInteger Rand = BigInteger.Parse("68074101773099181828711549392764437273092397336842695719327066266906012497236", CultureInfo.InvariantCulture);

    public static Ticket Ticket(uint nonce, BigInteger? winProb = null) => new()
    {
        Recipient = Recipient,
        Sender = Sender,
        FaceValue = FaceValue,
        WinProb = winProb ?? WinProb,
        SenderNonce = nonce,
        RecipientRandHash = "99a8af5f1462786d702cd91c5f2834461ae7cb6e298fe005039ef589603a6e36".HexToByteArray(),
        CreationRound = CreationRound,
        CreationRoundBlockHash = CreationRoundBlockHash,
    };

    /// <summary>The "always-win" variant: winProb 2^256 − 1.</summary>
    public static Ticket AlwaysWin(uint nonce) => Ticket(nonce, UInt256.Max);

    /// <summary>The sender's signature over <paramref name="ticket"/>.</summary>
    public static byte[] Sign(Ticket ticket) => TicketSignature.Sign(ticket.Hash(), SenderKey);

    /// <summary>A payment of the vector's tickets with <paramref name="nonces"/>, signed by <paramref name="signer"/> (the sender's key by default).</summary>
    public static Payment Payment(uint[] nonces, EthECKey? signer = null, BigInteger? winProb = null, BigInteger? seed = null)
    {
        var first = Ticket(1, winProb);
        return new Payment
        {
            TicketParams = new PaymentTicketParams
            {
                Recipient = Recipient,
                FaceValue = FaceValue,
                WinProb = winProb ?? WinProb,
                RecipientRandHash = first.RecipientRandHash,
                Seed = seed ?? Seed,
                ExpirationBlock = ExpirationBlock,
            },
            Sender = Sender,
            Expiration = new ExpirationParams(CreationRound, CreationRoundBlockHash),
            Tickets = [.. nonces.Select(n => new SenderParams(n, TicketSignature.Sign(Ticket(n, winProb).Hash(), signer ?? SenderKey)))],
            ExpectedPrice = new PriceInfo(1100, 1),
        };
    }

    public static BigInteger Hex(string hex) => UInt256.FromBytes(hex.HexToByteArray());
}
