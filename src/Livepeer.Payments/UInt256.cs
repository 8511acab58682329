using System.Numerics;

namespace Livepeer.Payments;

/// <summary>
/// The two byte forms a uint256 takes in Livepeer's payments: a 32-byte big-endian word (hashes, ABI) and the minimal
/// big-endian form of Go's <c>big.Int.Bytes()</c> (protobuf fields, the recipient's HMAC), where zero is empty.
/// </summary>
public static class UInt256
{
    /// <summary>2^256 − 1: the largest uint256, the win-probability denominator.</summary>
    public static readonly BigInteger Max = (BigInteger.One << 256) - 1;

    /// <summary>The 32-byte big-endian word of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or over 256 bits.</exception>
    public static byte[] ToWord(BigInteger value)
    {
        Check(value);
        var word = new byte[32];
        var minimal = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (value.IsZero)
            return word;
        minimal.CopyTo(word, 32 - minimal.Length);
        return word;
    }

    /// <summary>The minimal big-endian bytes of <paramref name="value"/>; zero is empty, as in Go.</summary>
    public static byte[] ToMinimal(BigInteger value)
    {
        Check(value);
        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Reads unsigned big-endian bytes (any length up to 32; empty is zero).</summary>
    /// <exception cref="ArgumentException">More than 32 bytes.</exception>
    public static BigInteger FromBytes(ReadOnlySpan<byte> bigEndian)
    {
        if (bigEndian.Length > 32)
            throw new ArgumentException($"A uint256 has at most 32 bytes, not {bigEndian.Length}.", nameof(bigEndian));
        return new BigInteger(bigEndian, isUnsigned: true, isBigEndian: true);
    }

    private static void Check(BigInteger value)
    {
        if (value.Sign < 0 || value > Max)
            throw new ArgumentOutOfRangeException(nameof(value), value, "A uint256 is between 0 and 2^256 - 1.");
    }
}
