using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion;

public sealed class NoiseScheduleTests
{
    private static readonly SchedulerOptions Sd = new();

    [Fact]
    public void AlphasCumprod_SdSchedule_MatchesDecimalProductAtEveryTimestep()
    {
        var alphas = NoiseSchedule.AlphasCumprod(Sd);

        Assert.Equal(1000, alphas.Length);
        for (var t = 0; t < alphas.Length; t++)
        {
            var expected = ReferenceSchedule.Alpha(t);
            Assert.True(Math.Abs(alphas[t] - expected) <= 1e-13 * expected, $"ᾱ_{t}: {alphas[t]} vs {expected}");
        }
    }

    [Fact]
    public void AlphasCumprod_OtherSchedule_MatchesDecimalProduct()
    {
        var options = new SchedulerOptions { TrainSteps = 37, BetaStart = 0.0001, BetaEnd = 0.02 };
        var expected = ReferenceSchedule.Alphas(37, 0.0001m, 0.02m);

        var alphas = NoiseSchedule.AlphasCumprod(options);

        for (var t = 0; t < alphas.Length; t++)
            Assert.True(Math.Abs(alphas[t] - expected[t]) <= 1e-14 * expected[t], $"ᾱ_{t}: {alphas[t]} vs {expected[t]}");
    }

    [Fact]
    public void AlphasCumprod_SdSchedule_HitsKnownAnchors()
    {
        var alphas = NoiseSchedule.AlphasCumprod(Sd);

        // ᾱ_0 = 1 − β_0 exactly; the last is the well-known ≈ 0.0047 (diffusers' float32 table gives 0.0046600…).
        Assert.Equal(1 - 0.00085, alphas[0], 15);
        Assert.Equal(0.0046601, alphas[999], 7);
        // σ_max ≈ 14.6146 and σ_min ≈ 0.0292 are the extremes k-diffusion reports for SD.
        Assert.Equal(14.6146, NoiseSchedule.Sigma(alphas[999]), 4);
        Assert.Equal(0.0291672, NoiseSchedule.Sigma(alphas[0]), 7);
    }

    [Fact]
    public void Sigma_IsNoiseToSignalRatio()
    {
        Assert.Equal(1.0, NoiseSchedule.Sigma(0.5), 15);
        Assert.Equal(3.0, NoiseSchedule.Sigma(0.1), 14);
        Assert.Equal(Math.Sqrt(0.25 / 0.75), NoiseSchedule.Sigma(0.75), 15);
    }

    [Fact]
    public void SigmaToTimestep_AtTrainingSigmas_ReturnsTheirTimesteps()
    {
        var logSigmas = LogSigmas();

        foreach (var t in new[] { 0, 1, 250, 499, 998, 999 })
            Assert.Equal(t, NoiseSchedule.SigmaToTimestep(ReferenceSchedule.Sigma(t), logSigmas), 9);
    }

    [Fact]
    public void SigmaToTimestep_BetweenTimesteps_InterpolatesInLogSigma()
    {
        var logSigmas = LogSigmas();
        // The geometric mean of σ_500 and σ_501 lies halfway in log σ.
        var sigma = Math.Sqrt(ReferenceSchedule.Sigma(500) * ReferenceSchedule.Sigma(501));

        Assert.Equal(500.5, NoiseSchedule.SigmaToTimestep(sigma, logSigmas), 9);
    }

    [Fact]
    public void SigmaToTimestep_OutsideTheTable_ClampsToTheEnds()
    {
        var logSigmas = LogSigmas();

        Assert.Equal(0, NoiseSchedule.SigmaToTimestep(0.001, logSigmas));
        Assert.Equal(0, NoiseSchedule.SigmaToTimestep(0, logSigmas));
        Assert.Equal(999, NoiseSchedule.SigmaToTimestep(100, logSigmas));
    }

    private static double[] LogSigmas()
    {
        var logSigmas = new double[1000];
        for (var t = 0; t < logSigmas.Length; t++)
            logSigmas[t] = Math.Log(ReferenceSchedule.Sigma(t));
        return logSigmas;
    }
}
