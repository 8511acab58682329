using Microsoft.ML.OnnxRuntime;

namespace Livepeer.Pipelines;

/// <summary>float ↔ float16 for models whose inputs or outputs are half precision; pipelines compute in float.</summary>
internal static class HalfPrecision
{
    public static Float16[] ToHalf(ReadOnlySpan<float> single)
    {
        var half = new Float16[single.Length];
        for (var i = 0; i < single.Length; i++) half[i] = (Float16)single[i];
        return half;
    }

    public static void ToSingle(ReadOnlySpan<Float16> half, Span<float> single)
    {
        if (single.Length != half.Length)
            throw new ArgumentException($"Expected {half.Length} values, got room for {single.Length}.", nameof(single));
        for (var i = 0; i < half.Length; i++) single[i] = (float)half[i];
    }

    public static float[] ToSingle(ReadOnlySpan<Float16> half)
    {
        var single = new float[half.Length];
        ToSingle(half, single);
        return single;
    }
}
