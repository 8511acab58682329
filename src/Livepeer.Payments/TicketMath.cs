using System.Numerics;

namespace Livepeer.Payments;

/// <summary>Exact 256-bit arithmetic of ticket values: win probabilities and tickets per payment (expected values: <see cref="Wei.ExpectedValue"/>).</summary>
public static class TicketMath
{
    /// <summary>
    /// The win probability for <paramref name="faceValue"/> that makes the expected value at least
    /// <paramref name="expectedValue"/> (go-livepeer's <c>recipient.winProb</c>): 0 for a zero face value, 2^256 − 1
    /// when the face value equals the EV, else EV × ⌈M / faceValue⌉ (EV × M / faceValue when exact).
    /// </summary>
    public static BigInteger WinProb(BigInteger faceValue, BigInteger expectedValue)
    {
        if (faceValue.IsZero)
            return BigInteger.Zero;
        if (faceValue == expectedValue)
            return UInt256.Max;
        var quotient = BigInteger.DivRem(UInt256.Max, faceValue, out var remainder);
        return expectedValue * (remainder.IsZero ? quotient : quotient + 1);
    }

    /// <summary>
    /// Tickets needed to cover <paramref name="fee"/> wei when <paramref name="credit"/> wei of earlier tickets' value
    /// remains: ⌈(fee − credit) / EV⌉ in exact arithmetic, 0 when the credit covers it.
    /// </summary>
    public static BigInteger TicketsFor(BigInteger fee, BigInteger credit, BigInteger faceValue, BigInteger winProb)
    {
        if (fee <= credit)
            return BigInteger.Zero;
        var evNumerator = faceValue * winProb;
        if (evNumerator.IsZero)
            throw new ArgumentException("Tickets with zero expected value cannot pay a fee.", nameof(winProb));
        var gapNumerator = (fee - credit) * UInt256.Max;
        var count = BigInteger.DivRem(gapNumerator, evNumerator, out var remainder);
        return remainder.IsZero ? count : count + 1;
    }
}
