using System.Numerics;
using System.Security.Cryptography;

namespace Livepeer.Payments;

/// <summary>
/// The recipient's side of the commit–reveal: a secret uint256 per set of ticket parameters, derived statelessly as
/// go-livepeer does (HMAC-SHA256 under the node's secret over the parameters' minimal big-endian bytes), its
/// keccak256 commitment, and the win check keccak256(sig ‖ uint256(rand)) &lt; winProb.
/// </summary>
public static class RecipientRand
{
    /// <summary>
    /// HMAC-SHA256(secret, seed ‖ sender ‖ faceValue ‖ winProb ‖ expirationBlock ‖ price numerator ‖ price denominator
    /// ‖ auxData), every number in minimal big-endian form (zero is empty), the price reduced; read as a uint256.
    /// </summary>
    public static BigInteger Derive(
        ReadOnlySpan<byte> secret, BigInteger seed, EthAddress sender, BigInteger faceValue, BigInteger winProb,
        BigInteger expirationBlock, BigInteger priceNumerator, BigInteger priceDenominator, ReadOnlySpan<byte> auxData)
    {
        if (priceDenominator <= 0)
            throw new ArgumentOutOfRangeException(nameof(priceDenominator), priceDenominator, "A price's denominator is positive.");
        var price = Wei.Fraction(priceNumerator, priceDenominator);
        byte[] message =
        [
            .. UInt256.ToMinimal(seed), .. sender.Bytes, .. UInt256.ToMinimal(faceValue), .. UInt256.ToMinimal(winProb),
            .. UInt256.ToMinimal(expirationBlock), .. UInt256.ToMinimal(price.Numerator), .. UInt256.ToMinimal(price.Denominator), .. auxData,
        ];
        return UInt256.FromBytes(HMACSHA256.HashData(secret, message));
    }

    /// <summary>keccak256 of the 32-byte word of <paramref name="rand"/>: what the ticket parameters publish.</summary>
    public static byte[] Commitment(BigInteger rand) => Keccak256.Hash(UInt256.ToWord(rand));

    /// <summary>Whether a ticket with <paramref name="signature"/> wins for <paramref name="rand"/> at <paramref name="winProb"/>.</summary>
    public static bool IsWinning(ReadOnlySpan<byte> signature, BigInteger rand, BigInteger winProb) =>
        UInt256.FromBytes(Keccak256.Hash([.. signature, .. UInt256.ToWord(rand)])) < winProb;
}
