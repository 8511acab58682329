using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion;

/// <summary>Small latents and model outputs for hand-computed steps, and a float-against-double comparison.</summary>
internal static class Vectors
{
    /// <summary>Eleven latents: not a multiple of any vector width, so both the vector and the scalar path run.</summary>
    public static float[] Latents() => [1.5f, -0.25f, 3f, -2f, 0.125f, 0.75f, -1f, 2.5f, 0f, 4f, -3.5f];

    /// <summary>A model output the same length as <see cref="Latents"/>.</summary>
    public static float[] ModelOutput() => [0.3f, -1.2f, 0.05f, 2f, -0.7f, 0.4f, 1f, -0.1f, 0.9f, -2.2f, 0.6f];

    /// <summary>The next <paramref name="count"/> draws of a fresh generator seeded with <paramref name="seed"/>.</summary>
    public static float[] Draws(ulong seed, int count)
    {
        var values = new float[count];
        new GaussianNoise(seed).Fill(values);
        return values;
    }

    /// <summary>expected[i] computed in double by <paramref name="expected"/>, to within float rounding of the result's scale.</summary>
    public static void AssertClose(Func<int, double> expected, ReadOnlySpan<float> actual, double tolerance = 2e-6)
    {
        for (var i = 0; i < actual.Length; i++)
        {
            var want = expected(i);
            Assert.True(Math.Abs(actual[i] - want) <= tolerance * Math.Max(1, Math.Abs(want)), $"[{i}]: {actual[i]} vs {want}");
        }
    }
}
