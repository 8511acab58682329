using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion;

/// <summary>Options and arguments that describe no schedule fail at creation with a message naming the setting.</summary>
public sealed class SchedulerValidationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    [InlineData(int.MaxValue)]
    public void Create_StepsOutsideOneToTrainSteps_Throws(int steps)
    {
        foreach (var kind in Enum.GetValues<SchedulerKind>())
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionScheduler.Create(kind, new SchedulerOptions(), steps));
            Assert.Equal("inferenceSteps", error.ParamName);
            Assert.Contains("between 1 and the 1000 training steps", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Create_StepsAboveSmallerTrainSteps_NamesThatLimit()
    {
        var options = new SchedulerOptions { TrainSteps = 500, OriginalInferenceSteps = 50 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionScheduler.Create(SchedulerKind.Ddim, options, 501));

        Assert.Contains("500 training steps", error.Message, StringComparison.Ordinal);
        Assert.Equal(500, DiffusionScheduler.Create(SchedulerKind.Ddim, options, 500).StepCount);
    }

    [Fact]
    public void Create_ThousandSteps_IsAccepted()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Euler, new SchedulerOptions { Spacing = TimestepSpacing.Trailing }, 1000);

        Assert.Equal(Enumerable.Range(0, 1000).Reverse(), scheduler.Timesteps);
    }

    [Fact]
    public void Create_LcmMoreStepsThanDistillationSchedule_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionScheduler.Create(SchedulerKind.Lcm, new SchedulerOptions(), 51));

        Assert.Equal("inferenceSteps", error.ParamName);
        Assert.Contains("OriginalInferenceSteps (50)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_LeadingWithOffsetAtEveryTimestep_Throws()
    {
        var options = new SchedulerOptions { Spacing = TimestepSpacing.Leading, StepsOffset = 1 };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionScheduler.Create(SchedulerKind.Euler, options, 1000));

        Assert.Contains("last training timestep 999", error.Message, StringComparison.Ordinal);
        Assert.Equal(999, DiffusionScheduler.Create(SchedulerKind.Euler, options, 999).Timesteps[0]);
    }

    private static readonly Dictionary<string, SchedulerOptions> Bad = new()
    {
        ["TrainSteps = 1"] = new SchedulerOptions { TrainSteps = 1 },
        ["TrainSteps = 0"] = new SchedulerOptions { TrainSteps = 0 },
        ["TrainSteps = SchedulerOptions.MaxTrainSteps + 1"] = new SchedulerOptions { TrainSteps = SchedulerOptions.MaxTrainSteps + 1 },
        ["BetaStart = 0"] = new SchedulerOptions { BetaStart = 0 },
        ["BetaStart = -0.001"] = new SchedulerOptions { BetaStart = -0.001 },
        ["BetaStart = 1"] = new SchedulerOptions { BetaStart = 1 },
        ["BetaStart = double.NaN"] = new SchedulerOptions { BetaStart = double.NaN },
        ["BetaEnd = 0.0001"] = new SchedulerOptions { BetaEnd = 0.0001 },
        ["BetaEnd = 1"] = new SchedulerOptions { BetaEnd = 1 },
        ["BetaEnd = double.PositiveInfinity"] = new SchedulerOptions { BetaEnd = double.PositiveInfinity },
        ["Spacing = (TimestepSpacing)7"] = new SchedulerOptions { Spacing = (TimestepSpacing)7 },
        ["StepsOffset = 2"] = new SchedulerOptions { StepsOffset = 2 },
        ["StepsOffset = -1"] = new SchedulerOptions { StepsOffset = -1 },
        ["Prediction = (PredictionType)5"] = new SchedulerOptions { Prediction = (PredictionType)5 },
        ["OriginalInferenceSteps = 0"] = new SchedulerOptions { OriginalInferenceSteps = 0 },
        ["OriginalInferenceSteps = 1001"] = new SchedulerOptions { OriginalInferenceSteps = 1001 },
    };

    public static TheoryData<string> BadCases() => [.. Bad.Keys];

    [Theory]
    [MemberData(nameof(BadCases))]
    public void Create_BadOptions_ThrowsNamingTheSetting(string assignment)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionScheduler.Create(SchedulerKind.Euler, Bad[assignment], 4));

        // The case is named by its assignment, e.g. "BetaStart = 0": the setting is the part before " = ".
        var name = assignment[..assignment.IndexOf(" = ", StringComparison.Ordinal)];
        Assert.Equal(name, error.ParamName);
        Assert.StartsWith(name + " ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BetasThatLeaveNoSignal_Throws()
    {
        // (1 − 0.5)^… over 100 000 steps underflows double: σ at the end would be infinite.
        var options = new SchedulerOptions { TrainSteps = 100_000, BetaStart = 0.5, BetaEnd = 0.9 };

        var error = Assert.Throws<ArgumentException>(() => DiffusionScheduler.Create(SchedulerKind.Euler, options, 4));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("leave no signal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownKindOrNullOptions_Throws()
    {
        Assert.Equal("kind", Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionScheduler.Create((SchedulerKind)9, new SchedulerOptions(), 4)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => DiffusionScheduler.Create(SchedulerKind.Euler, null!, 4)).ParamName);
    }

    [Fact]
    public void Step_BadArguments_Throw()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.EulerAncestral, new SchedulerOptions(), 4);
        var latents = new float[16];
        var noise = new GaussianNoise(1);

        Assert.Equal("modelOutput", Assert.Throws<ArgumentException>(() => scheduler.Step(latents, new float[15], 0, noise)).ParamName);
        Assert.Equal("stepIndex", Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.Step(latents, new float[16], 4, noise)).ParamName);
        Assert.Equal("stepIndex", Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.ModelInputScale(-1)).ParamName);
        Assert.Equal("noise", Assert.Throws<ArgumentNullException>(() => scheduler.Step(latents, new float[16], 0, null!)).ParamName);
    }
}
