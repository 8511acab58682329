namespace Livepeer.Pipelines.Diffusion;

/// <summary>What the UNet predicts (diffusers' <c>prediction_type</c>).</summary>
internal enum PredictionType
{
    /// <summary>The noise ε that was added (SD 1.x, SD 2.x base, SDXL, Turbo).</summary>
    Epsilon,

    /// <summary>The velocity v = √ᾱ·ε − √(1−ᾱ)·x₀ (SD 2.x 768).</summary>
    VPrediction,
}
