namespace Livepeer.Pipelines.Diffusion;

/// <summary>Which training timesteps the N inference steps visit, largest (noisiest) first.</summary>
internal static class TimestepSchedule
{
    /// <summary>Karras et al.'s ρ: spends more steps at small σ.</summary>
    public const double KarrasRho = 7.0;

    /// <summary>
    /// The spaced timesteps (diffusers' <c>set_timesteps</c>), as integers: the UNet is given whole timesteps, so σ and
    /// ᾱ are taken at exactly these points (diffusers' Euler keeps linspace's fractions; rounding moves a step by
    /// under half a training timestep). Rounding is half to even, as numpy's.
    /// </summary>
    public static int[] Spaced(TimestepSpacing spacing, int trainSteps, int count, int stepsOffset)
    {
        var timesteps = new int[count];
        switch (spacing)
        {
            case TimestepSpacing.Linspace:
                // linspace(0, T−1, N) reversed. numpy gives [0] for N = 1, which would "denoise" an image that is
                // already clean; a single step has to start at pure noise, so N = 1 is T−1 alone.
                var stride = count == 1 ? 0 : (trainSteps - 1.0) / (count - 1);
                for (var i = 0; i < count; i++)
                {
                    var k = count - 1 - i;
                    timesteps[i] = k == count - 1 ? trainSteps - 1 : (int)Math.Round(k * stride, MidpointRounding.ToEven);
                }

                break;
            case TimestepSpacing.Leading:
                var ratio = trainSteps / count;
                for (var i = 0; i < count; i++)
                    timesteps[i] = (count - 1 - i) * ratio + stepsOffset;
                break;
            case TimestepSpacing.Trailing:
                // T − k·(T/N), as numpy's arange(T, 0, −T/N), rounded, minus one. Computed by index so the count is
                // exactly N (arange's float length can come out N+1, e.g. T = 1000, N = 61).
                var trailingStride = (double)trainSteps / count;
                for (var k = 0; k < count; k++)
                    timesteps[k] = (int)Math.Round(trainSteps - k * trailingStride, MidpointRounding.ToEven) - 1;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "Unknown timestep spacing.");
        }

        return timesteps;
    }

    /// <summary>
    /// LCM's timesteps: the distillation schedule [k−1, 2k−1, …, T−1] with k = ⌊T/original⌋, reversed, sampled at
    /// indices ⌊linspace(0, original, N, endpoint: false)⌋. N = 4 of 50 gives 999, 759, 499, 259.
    /// </summary>
    public static int[] Lcm(int trainSteps, int originalSteps, int count)
    {
        var skip = trainSteps / originalSteps;
        var stride = (double)originalSteps / count;
        var timesteps = new int[count];
        for (var i = 0; i < count; i++)
        {
            var index = (int)Math.Floor(i * stride);
            // Entry `index` of the reversed schedule is the (original − index)-th multiple of the skip, minus one.
            timesteps[i] = (originalSteps - index) * skip - 1;
        }

        return timesteps;
    }

    /// <summary>Karras σ_i = (σ_max^{1/ρ} + i/(N−1)·(σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ for i = 0 … N−1 (σ_max alone for N = 1).</summary>
    public static double[] Karras(double sigmaMax, double sigmaMin, int count)
    {
        var maxRoot = Math.Pow(sigmaMax, 1 / KarrasRho);
        var minRoot = Math.Pow(sigmaMin, 1 / KarrasRho);
        var sigmas = new double[count];
        for (var i = 0; i < count; i++)
        {
            // The ends are set exactly, so σ_max and σ_min survive the root and power round trip up to rounding only.
            var ramp = count == 1 ? 0 : (double)i / (count - 1);
            sigmas[i] = i == 0 ? sigmaMax : i == count - 1 ? sigmaMin : Math.Pow(maxRoot + ramp * (minRoot - maxRoot), KarrasRho);
        }

        return sigmas;
    }
}
