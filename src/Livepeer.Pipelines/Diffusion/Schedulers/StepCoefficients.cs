namespace Livepeer.Pipelines.Diffusion;

/// <summary>
/// One scheduler step as x ← Sample·x + Model·m + Noise·z (m the model output, z fresh standard noise), each
/// coefficient worked out in double once per schedule and rounded to float once.
/// </summary>
internal readonly record struct StepCoefficients(float Sample, float Model, float Noise)
{
    /// <summary>Rounds coefficients computed in double.</summary>
    public static StepCoefficients FromDouble(double sample, double model, double noise) =>
        new((float)sample, (float)model, (float)noise);
}
