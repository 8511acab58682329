using Livepeer.ModelBuilder;

namespace Livepeer.Pipelines.Tests;

/// <summary>How far a <see cref="TinyUpscaler"/> output may lie from the nearest-neighbour resize of an input in [0, 1).</summary>
internal static class UpscalerError
{
    // TinyUpscaler.NoiseBudget (internal to the builder): a conv with fan-in n draws every noise weight and its bias from
    // [-budget/n, budget/n); the centre tap of channel c -> c (c < 3) is exactly 1.
    private const double NoiseBudget = 0.01;
    private const int Rgb = 3;
    private const int Taps = 3 * 3;

    /// <summary>
    /// Float32 bound. If every value entering a conv is within e of its target (the resized RGB value in [0, 1), or 0 for
    /// hidden channels), values are at most 1 + e in magnitude, so the fan-in noise weights add at most budget * (1 + e)
    /// and the bias budget / fan-in; Relu never widens the gap since targets are non-negative. Float32 rounding adds ~1e-6.
    /// </summary>
    public static float PassThroughBound(TinyUpscalerSpec spec)
    {
        double error = 0;
        for (var layer = 0; layer < spec.HiddenLayers + 2; layer++)
        {
            var fanIn = (layer == 0 ? Rgb : spec.HiddenChannels) * Taps;
            error += (NoiseBudget * (1 + error)) + (NoiseBudget / fanIn);
        }

        return (float)error + 1e-5f;
    }

    /// <summary>
    /// Float16 bound: the float32 bound plus one half-precision rounding (relative 2^-11, values below 2) of the input
    /// and of every conv output, each counted twice for intermediate rounding inside the kernel.
    /// </summary>
    public static float HalfPrecisionBound(TinyUpscalerSpec spec) =>
        PassThroughBound(spec) + ((spec.HiddenLayers + 3) * 2 * 2 * MathF.Pow(2, -11));
}
