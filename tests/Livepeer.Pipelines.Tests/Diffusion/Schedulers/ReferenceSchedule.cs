namespace Livepeer.Pipelines.Tests.Diffusion;

/// <summary>
/// The SD noise schedule worked out independently of the code under test: β from the scaled-linear closed form and
/// ᾱ as a running product, both in decimal (28 significant digits, square roots by Newton's method), so neither
/// double rounding nor the production loop's order of operations is shared.
/// </summary>
internal static class ReferenceSchedule
{
    private static readonly double[] SdAlphas = Alphas(1000, 0.00085m, 0.012m);

    /// <summary>ᾱ_t of Stable Diffusion's schedule (scaled_linear, 0.00085 → 0.012, T = 1000).</summary>
    public static double Alpha(int t) => SdAlphas[t];

    /// <summary>σ_t = √((1 − ᾱ_t)/ᾱ_t) of Stable Diffusion's schedule.</summary>
    public static double Sigma(int t) => Math.Sqrt((1 - SdAlphas[t]) / SdAlphas[t]);

    /// <summary>ᾱ_t for t = 0 … T−1 of a scaled-linear schedule.</summary>
    public static double[] Alphas(int trainSteps, decimal betaStart, decimal betaEnd)
    {
        var first = Sqrt(betaStart);
        var last = Sqrt(betaEnd);
        var product = 1m;
        var alphas = new double[trainSteps];
        for (var t = 0; t < trainSteps; t++)
        {
            // β_t = (√β₀ + t/(T−1)·(√β₁ − √β₀))², the division done last to keep the exact fraction.
            var root = first + (last - first) * t / (trainSteps - 1);
            product *= 1 - root * root;
            alphas[t] = (double)product;
        }

        return alphas;
    }

    private static decimal Sqrt(decimal value)
    {
        var x = (decimal)Math.Sqrt((double)value);
        for (var i = 0; i < 6; i++)
            x = (x + value / x) / 2;
        return x;
    }
}
