using System.Numerics;
using System.Runtime.InteropServices;

namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// The element-wise updates behind every scheduler step, in float over spans, vectorised, without allocating. Each
/// element is computed as (a·x + b·y) + c·z in the same order in the vector and scalar paths (the JIT does not fuse
/// into FMA), so results do not depend on the machine's vector width.
/// </summary>
internal static class LatentKernels
{
    // Noise is drawn in chunks on the stack so the blend stays vectorised and nothing is allocated.
    private const int NoiseChunk = 1024;

    /// <summary>x ← a·x + b·y.</summary>
    public static void Blend(Span<float> x, ReadOnlySpan<float> y, float a, float b)
    {
        RequireSameLength(x.Length, y.Length, nameof(y));
        var done = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var ys = MemoryMarshal.Cast<float, Vector<float>>(y);
            var va = new Vector<float>(a);
            var vb = new Vector<float>(b);
            for (var i = 0; i < xs.Length; i++)
                xs[i] = va * xs[i] + vb * ys[i];
            done = xs.Length * Vector<float>.Count;
        }

        for (var i = done; i < x.Length; i++)
            x[i] = a * x[i] + b * y[i];
    }

    /// <summary>x ← a·x + b·y + c·z.</summary>
    public static void Blend(Span<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, float a, float b, float c)
    {
        RequireSameLength(x.Length, y.Length, nameof(y));
        RequireSameLength(x.Length, z.Length, nameof(z));
        var done = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var ys = MemoryMarshal.Cast<float, Vector<float>>(y);
            var zs = MemoryMarshal.Cast<float, Vector<float>>(z);
            var va = new Vector<float>(a);
            var vb = new Vector<float>(b);
            var vc = new Vector<float>(c);
            for (var i = 0; i < xs.Length; i++)
                xs[i] = va * xs[i] + vb * ys[i] + vc * zs[i];
            done = xs.Length * Vector<float>.Count;
        }

        for (var i = done; i < x.Length; i++)
            x[i] = a * x[i] + b * y[i] + c * z[i];
    }

    /// <summary>x ← a·x + b·y + c·z with z drawn from <paramref name="noise"/> in element order.</summary>
    public static void Blend(Span<float> x, ReadOnlySpan<float> y, float a, float b, float c, GaussianNoise noise)
    {
        RequireSameLength(x.Length, y.Length, nameof(y));
        Span<float> z = stackalloc float[NoiseChunk];
        for (var start = 0; start < x.Length; start += NoiseChunk)
        {
            var length = Math.Min(NoiseChunk, x.Length - start);
            var draws = z[..length];
            noise.Fill(draws);
            Blend(x.Slice(start, length), y.Slice(start, length), draws, a, b, c);
        }
    }

    /// <summary>destination ← factor·source (the UNet's input scaling, into each half of its batch).</summary>
    public static void Scale(ReadOnlySpan<float> source, float factor, Span<float> destination)
    {
        RequireSameLength(source.Length, destination.Length, nameof(destination));
        var done = 0;
        if (Vector.IsHardwareAccelerated && source.Length >= Vector<float>.Count)
        {
            var sources = MemoryMarshal.Cast<float, Vector<float>>(source);
            var destinations = MemoryMarshal.Cast<float, Vector<float>>(destination);
            for (var i = 0; i < sources.Length; i++) destinations[i] = sources[i] * factor;
            done = sources.Length * Vector<float>.Count;
        }

        for (var i = done; i < source.Length; i++) destination[i] = source[i] * factor;
    }

    /// <summary>destination ← u + g·(c − u): classifier-free guidance of the unconditional and conditional predictions.</summary>
    public static void Guide(ReadOnlySpan<float> unconditional, ReadOnlySpan<float> conditional, float scale, Span<float> destination)
    {
        RequireSameLength(destination.Length, unconditional.Length, nameof(unconditional));
        RequireSameLength(destination.Length, conditional.Length, nameof(conditional));
        var done = 0;
        if (Vector.IsHardwareAccelerated && destination.Length >= Vector<float>.Count)
        {
            var u = MemoryMarshal.Cast<float, Vector<float>>(unconditional);
            var c = MemoryMarshal.Cast<float, Vector<float>>(conditional);
            var g = MemoryMarshal.Cast<float, Vector<float>>(destination);
            for (var i = 0; i < g.Length; i++) g[i] = u[i] + scale * (c[i] - u[i]);
            done = g.Length * Vector<float>.Count;
        }

        for (var i = done; i < destination.Length; i++)
            destination[i] = unconditional[i] + scale * (conditional[i] - unconditional[i]);
    }

    private static void RequireSameLength(int expected, int actual, string name)
    {
        if (actual != expected)
            throw new ArgumentException($"The spans differ in length ({expected} and {actual}).", name);
    }
}
