using System.Numerics;
using System.Runtime.InteropServices;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// Box–Muller in float: pair i of a block, from 24-bit integers ρ (radius) and φ (angle) of a random word, gives
/// r = √(−2·ln u) with u = (ρ+1)/2²⁴ ∈ (0, 1], θ = 2π·φ/2²⁴, and writes r·cos θ at i and r·sin θ at i +
/// <see cref="PairsPerBlock"/>. ln, sin and cos are short polynomials after exact range reductions, using only +, −,
/// ×, ÷, √ and bit operations, each in the same order in the vector and the scalar path: IEEE 754 rounds these
/// identically everywhere and .NET never fuses them into FMA, so the numbers do not depend on the machine.
/// |z| is at most √(48·ln 2) ≈ 5.77 (the smallest u is 2⁻²⁴), a tail of probability ~1e-8.
/// </summary>
internal static class NormalTransform
{
    /// <summary>Pairs per block: a multiple of every <see cref="Vector{T}"/> width up to 512 bits.</summary>
    public const int PairsPerBlock = 16;

    /// <summary>Numbers per block.</summary>
    public const int BlockLength = 2 * PairsPerBlock;

    private const float Ln2 = 0.693147182f;
    private const int SqrtHalfBits = 0x3F3504F3;
    // 2π/2²⁴: an angle of φ − k·2²² units (k the nearest quarter turn) in radians, |a| ≤ π/4.
    private const float RadiansPerUnit = 6.28318548f / 16777216f;

    // ln m = 2f·(1 + f²/3 + f⁴/5 + f⁶/7 + f⁸/9), f = (m−1)/(m+1), |f| ≤ 0.1716: truncation below 1e-9.
    private const float Log3 = 1f / 3, Log5 = 1f / 5, Log7 = 1f / 7, Log9 = 1f / 9;

    // Taylor series on |a| ≤ π/4: sin to a⁹ (error < 2e-9), cos to a¹⁰ (error < 2e-10).
    private const float Sin3 = -1f / 6, Sin5 = 1f / 120, Sin7 = -1f / 5040, Sin9 = 1f / 362880;
    private const float Cos2 = -1f / 2, Cos4 = 1f / 24, Cos6 = -1f / 720, Cos8 = 1f / 40320, Cos10 = -1f / 3628800;

    /// <summary>
    /// Writes the block of <see cref="BlockLength"/> normals for <see cref="PairsPerBlock"/> random 64-bit
    /// <paramref name="words"/>: of word i, bits 40–63 are the radius ρ and bits 16–39 the angle φ.
    /// <paramref name="vectorised"/> picks the path; both give the same bits (tests hold them to it).
    /// </summary>
    public static void Transform(ReadOnlySpan<ulong> words, Span<float> output, bool vectorised)
    {
        if (words.Length != PairsPerBlock || output.Length != BlockLength)
            throw new ArgumentException($"A block is {PairsPerBlock} words in and {BlockLength} numbers out.", nameof(output));

        var width = Vector<int>.Count;
        if (vectorised && Vector.IsHardwareAccelerated && PairsPerBlock % width == 0)
        {
            var wide = MemoryMarshal.Cast<ulong, Vector<ulong>>(words);
            var mask = new Vector<int>(0xFF_FFFF);
            for (var i = 0; i < PairsPerBlock; i += width)
            {
                // Two vectors of words narrow to one of ints, lanes in order.
                var (low, high) = (wide[i / width * 2], wide[i / width * 2 + 1]);
                var radius = Vector.AsVectorInt32(Vector.Narrow(Vector.ShiftRightLogical(low, 40), Vector.ShiftRightLogical(high, 40)));
                var angle = Vector.AsVectorInt32(Vector.Narrow(Vector.ShiftRightLogical(low, 16), Vector.ShiftRightLogical(high, 16))) & mask;
                Pair(radius, angle, out var cos, out var sin);
                cos.CopyTo(output[i..]);
                sin.CopyTo(output[(PairsPerBlock + i)..]);
            }

            return;
        }

        for (var i = 0; i < PairsPerBlock; i++)
            Pair((int)(words[i] >> 40), (int)(words[i] >> 16) & 0xFF_FFFF, out output[i], out output[PairsPerBlock + i]);
    }

    private static void Pair(Vector<int> radius, Vector<int> angle, out Vector<float> cos, out Vector<float> sin)
    {
        // ln u = ln(ρ+1) − 24·ln 2; ρ+1 = 2^e·m with m in [√½, √2), found from the float's bits.
        var n = Vector.ConvertToSingle(radius + Vector<int>.One);
        var bits = Vector.AsVectorInt32(n);
        var exponent = Vector.ShiftRightArithmetic(bits - new Vector<int>(SqrtHalfBits), 23);
        var m = Vector.AsVectorSingle(bits - Vector.ShiftLeft(exponent, 23));
        var f = (m - Vector<float>.One) / (m + Vector<float>.One);
        var f2 = f * f;
        var series = (((new Vector<float>(Log9) * f2 + new Vector<float>(Log7)) * f2 + new Vector<float>(Log5)) * f2
            + new Vector<float>(Log3)) * f2 + Vector<float>.One;
        var log = Vector.ConvertToSingle(exponent - new Vector<int>(24)) * new Vector<float>(Ln2) + new Vector<float>(2) * f * series;
        var r = Vector.SquareRoot(new Vector<float>(-2) * log);

        // θ = quarter·π/2 + a: the nearest quarter turn in integers, the rest exactly as a float.
        var quarter = Vector.ShiftRightArithmetic(angle + new Vector<int>(1 << 21), 22);
        var a = Vector.ConvertToSingle(angle - Vector.ShiftLeft(quarter, 22)) * new Vector<float>(RadiansPerUnit);
        var a2 = a * a;
        var s = a * ((((new Vector<float>(Sin9) * a2 + new Vector<float>(Sin7)) * a2 + new Vector<float>(Sin5)) * a2
            + new Vector<float>(Sin3)) * a2 + Vector<float>.One);
        var c = ((((new Vector<float>(Cos10) * a2 + new Vector<float>(Cos8)) * a2 + new Vector<float>(Cos6)) * a2
            + new Vector<float>(Cos4)) * a2 + new Vector<float>(Cos2)) * a2 + Vector<float>.One;

        // Odd quarters swap sin and cos; the signs follow the quadrant (bit 31 set by shifting the flag up).
        var swap = Vector.Equals(quarter & Vector<int>.One, Vector<int>.One);
        var cosSign = Vector.ShiftLeft((quarter + Vector<int>.One) & new Vector<int>(2), 30);
        var sinSign = Vector.ShiftLeft(quarter & new Vector<int>(2), 30);
        var cosTheta = Vector.AsVectorSingle(Vector.AsVectorInt32(Vector.ConditionalSelect(swap, s, c)) ^ cosSign);
        var sinTheta = Vector.AsVectorSingle(Vector.AsVectorInt32(Vector.ConditionalSelect(swap, c, s)) ^ sinSign);
        cos = r * cosTheta;
        sin = r * sinTheta;
    }

    private static void Pair(int radius, int angle, out float cos, out float sin)
    {
        var n = (float)(radius + 1);
        var bits = BitConverter.SingleToInt32Bits(n);
        var exponent = (bits - SqrtHalfBits) >> 23;
        var m = BitConverter.Int32BitsToSingle(bits - (exponent << 23));
        var f = (m - 1f) / (m + 1f);
        var f2 = f * f;
        var series = (((Log9 * f2 + Log7) * f2 + Log5) * f2 + Log3) * f2 + 1f;
        var log = (float)(exponent - 24) * Ln2 + 2f * f * series;
        var r = MathF.Sqrt(-2f * log);

        var quarter = (angle + (1 << 21)) >> 22;
        var a = (float)(angle - (quarter << 22)) * RadiansPerUnit;
        var a2 = a * a;
        var s = a * ((((Sin9 * a2 + Sin7) * a2 + Sin5) * a2 + Sin3) * a2 + 1f);
        var c = ((((Cos10 * a2 + Cos8) * a2 + Cos6) * a2 + Cos4) * a2 + Cos2) * a2 + 1f;

        var swap = (quarter & 1) == 1;
        var cosSign = ((quarter + 1) & 2) << 30;
        var sinSign = (quarter & 2) << 30;
        var cosTheta = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(swap ? s : c) ^ cosSign);
        var sinTheta = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(swap ? c : s) ^ sinSign);
        cos = r * cosTheta;
        sin = r * sinTheta;
    }
}
