namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// The predicted clean sample x₀ and noise ε, each as a linear combination of the current sample x and the model
/// output m: x₀ = X0Sample·x + X0Model·m, ε = NoiseSample·x + NoiseModel·m. Every scheduler step here is linear in x, m
/// (and fresh noise), so a step reduces to three coefficients computed once per schedule in double.
/// </summary>
internal readonly record struct Denoising(double X0Sample, double X0Model, double NoiseSample, double NoiseModel)
{
    /// <summary>For x = x₀ + σ·ε (the Euler family's unscaled latents; the UNet saw x/√(σ²+1)).</summary>
    public static Denoising AtSigma(double sigma, PredictionType prediction)
    {
        if (prediction == PredictionType.Epsilon)
            return new(1, -sigma, 0, 1);

        // v-prediction in σ space: x₀ = x/(σ²+1) − v·σ/√(σ²+1); ε = (x − x₀)/σ = x·σ/(σ²+1) + v/√(σ²+1).
        var variance = sigma * sigma + 1;
        var root = Math.Sqrt(variance);
        return new(1 / variance, -sigma / root, sigma / variance, 1 / root);
    }

    /// <summary>For x = √ᾱ·x₀ + √(1−ᾱ)·ε (DDIM and LCM latents).</summary>
    public static Denoising AtAlpha(double alphaCumprod, PredictionType prediction)
    {
        var signal = Math.Sqrt(alphaCumprod);
        var noise = Math.Sqrt(1 - alphaCumprod);
        return prediction == PredictionType.Epsilon
            ? new(1 / signal, -noise / signal, 0, 1)
            : new(signal, -noise, noise, signal);
    }
}
