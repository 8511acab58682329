using System.Globalization;
using System.Numerics;

namespace Livepeer.Payments;

/// <summary>
/// An exact amount of wei as a reduced fraction: ticket expected values are faceValue × winProb / (2^256 − 1) and fees
/// are units × pricePerUnit / pixelsPerUnit, so balances are kept exactly (as go-livepeer keeps them in big.Rat) and no
/// wei is lost or made up by rounding.
/// </summary>
public readonly record struct Wei : IComparable<Wei>
{
    private readonly BigInteger denominator;

    private Wei(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign < 0)
            (numerator, denominator) = (-numerator, -denominator);
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (gcd > 1)
            (numerator, denominator) = (numerator / gcd, denominator / gcd);
        Numerator = numerator;
        this.denominator = denominator;
    }

    /// <summary>The reduced numerator (negative for a debt).</summary>
    public BigInteger Numerator { get; }

    /// <summary>The reduced denominator (≥ 1).</summary>
    public BigInteger Denominator => denominator.IsZero ? BigInteger.One : denominator;

    /// <summary>No wei.</summary>
    public static Wei Zero => default;

    /// <summary>A whole number of wei.</summary>
    public static Wei Of(BigInteger wei) => new(wei, 1);

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/> wei.</summary>
    public static Wei Fraction(BigInteger numerator, BigInteger denominator) =>
        denominator.IsZero ? throw new DivideByZeroException("A wei fraction needs a non-zero denominator.") : new(numerator, denominator);

    /// <summary>A ticket's expected value: faceValue × winProb / (2^256 − 1).</summary>
    public static Wei ExpectedValue(BigInteger faceValue, BigInteger winProb) => Fraction(faceValue * winProb, UInt256.Max);

    /// <summary>The fee of <paramref name="units"/> at <paramref name="price"/>: units × pricePerUnit / pixelsPerUnit.</summary>
    public static Wei Fee(BigInteger units, PriceInfo price)
    {
        ArgumentNullException.ThrowIfNull(price);
        if (price.PixelsPerUnit <= 0)
            throw new ArgumentOutOfRangeException(nameof(price), price.PixelsPerUnit, "A price's pixels per unit must be positive.");
        return Fraction(units * price.PricePerUnit, price.PixelsPerUnit);
    }

    /// <summary>Rounded down to whole wei.</summary>
    public BigInteger Floor() => BigInteger.Divide(Numerator - (Numerator.Sign < 0 ? Denominator - 1 : 0), Denominator);

    /// <summary>Rounded up to whole wei.</summary>
    public BigInteger Ceiling() => -(Zero - this).Floor();

    /// <summary>Sum.</summary>
    public static Wei operator +(Wei left, Wei right) =>
        new(left.Numerator * right.Denominator + right.Numerator * left.Denominator, left.Denominator * right.Denominator);

    /// <summary>Difference.</summary>
    public static Wei operator -(Wei left, Wei right) =>
        new(left.Numerator * right.Denominator - right.Numerator * left.Denominator, left.Denominator * right.Denominator);

    /// <summary>Multiple.</summary>
    public static Wei operator *(Wei value, BigInteger factor) => new(value.Numerator * factor, value.Denominator);

    /// <summary>Ordering.</summary>
    public static bool operator <(Wei left, Wei right) => left.CompareTo(right) < 0;

    /// <summary>Ordering.</summary>
    public static bool operator >(Wei left, Wei right) => left.CompareTo(right) > 0;

    /// <summary>Ordering.</summary>
    public static bool operator <=(Wei left, Wei right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering.</summary>
    public static bool operator >=(Wei left, Wei right) => left.CompareTo(right) >= 0;

    /// <summary>Equal amounts are equal however they were made (<see cref="Zero"/> and a parsed "0" included): fractions are kept reduced.</summary>
    public bool Equals(Wei other) => Numerator == other.Numerator && Denominator == other.Denominator;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <inheritdoc />
    public int CompareTo(Wei other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>Reads what <see cref="ToString"/> writes: <c>n</c> or <c>n/d</c> in invariant digits.</summary>
    /// <exception cref="FormatException">Not such a text, or a zero denominator.</exception>
    public static Wei Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var numerator = BigInteger.Parse(slash < 0 ? text : text[..slash], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (slash < 0) return Of(numerator);
        var denominator = BigInteger.Parse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
        return denominator.IsZero ? throw new FormatException("A wei fraction needs a non-zero denominator.") : Fraction(numerator, denominator);
    }

    /// <summary><c>n</c> or <c>n/d</c>.</summary>
    public override string ToString() =>
        Denominator.IsOne ? Numerator.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
