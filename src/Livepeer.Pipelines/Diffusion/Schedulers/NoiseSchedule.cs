namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// The training noise schedule in double precision: scaled-linear β, ᾱ_t = ∏_{i≤t}(1−β_i) and σ_t = √((1−ᾱ_t)/ᾱ_t).
/// (diffusers keeps these in float32; double removes ~1e-6 of drift from the 1000-term product.)
/// </summary>
internal static class NoiseSchedule
{
    /// <summary>ᾱ_t for t = 0 … T−1.</summary>
    public static double[] AlphasCumprod(SchedulerOptions options)
    {
        var count = options.TrainSteps;
        var first = Math.Sqrt(options.BetaStart);
        // numpy's linspace: start + k·step, with the last point exactly the end.
        var step = (Math.Sqrt(options.BetaEnd) - first) / (count - 1);
        var alphas = new double[count];
        var product = 1.0;
        for (var t = 0; t < count; t++)
        {
            var root = t == count - 1 ? Math.Sqrt(options.BetaEnd) : first + t * step;
            product *= 1 - root * root;
            alphas[t] = product;
        }

        return alphas;
    }

    /// <summary>σ = √((1−ᾱ)/ᾱ): the noise scale of the same point in the variance-exploding parametrisation.</summary>
    public static double Sigma(double alphaCumprod) => Math.Sqrt((1 - alphaCumprod) / alphaCumprod);

    /// <summary>
    /// The fractional timestep whose σ is <paramref name="sigma"/>, interpolating linearly in log σ between the two
    /// neighbouring training timesteps (as diffusers' <c>_sigma_to_t</c>); clamps to [0, T−1].
    /// </summary>
    public static double SigmaToTimestep(double sigma, ReadOnlySpan<double> logSigmas)
    {
        var logSigma = Math.Log(Math.Max(sigma, 1e-10));
        // logSigmas rises with t: find the last index whose log σ is ≤ the target, kept below the end so high exists.
        var low = 0;
        var high = logSigmas.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (logSigmas[middle] <= logSigma)
                low = middle;
            else
                high = middle - 1;
        }

        low = Math.Min(low, logSigmas.Length - 2);
        var weight = Math.Clamp((logSigmas[low] - logSigma) / (logSigmas[low] - logSigmas[low + 1]), 0, 1);
        return (1 - weight) * low + weight * (low + 1);
    }
}
