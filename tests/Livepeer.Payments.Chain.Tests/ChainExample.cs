using System.Globalization;
using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Util;

namespace Livepeer.Payments.Chain.Tests;

/// <summary>The payments-pm.md §1.6 worked example (anvil account #0 sends, #1 receives), as tickets and signatures.</summary>
internal static class ChainExample
{
    public static readonly EthECKey SenderKey = new("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    public static readonly EthAddress Sender = EthAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    public static readonly EthAddress Recipient = EthAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    public static readonly BigInteger FaceValue = BigInteger.Parse("1200000000000000", CultureInfo.InvariantCulture);
    public static readonly BigInteger WinProb = BigInteger.Parse("771947261582107969490473233391252719021799897770937093596383896000000000", CultureInfo.InvariantCulture);
    public static readonly BigInteger Rand = BigInteger.Parse("68074101773099181828711549392764437273092397336842695719327066266906012497236", CultureInfo.InvariantCulture);
    public const long CreationRound = 3500;
    public static readonly byte[] CreationRoundBlockHash = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("example block"));

    /// <summary>The §1.6 ticket with <paramref name="nonce"/>; <paramref name="winProb"/> defaults to the vector's (a loser for nonces 1 and 2).</summary>
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

    /// <summary>The "always-win" variant: winProb 2^256−1.</summary>
    public static Ticket AlwaysWin(uint nonce) => Ticket(nonce, UInt256.Max);

    public static byte[] Sign(Ticket ticket) => TicketSignature.Sign(ticket.Hash(), SenderKey);
}
