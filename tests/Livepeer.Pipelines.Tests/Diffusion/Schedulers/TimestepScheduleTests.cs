using Livepeer.Pipelines.Diffusion;

namespace Livepeer.Pipelines.Tests.Diffusion;

/// <summary>Timesteps against the table in onnx-pipelines.md B.6 (diffusers' semantics), for every scheduler that spaces them.</summary>
public sealed class TimestepScheduleTests
{
    public static TheoryData<string, string, int, int, int[]> Table()
    {
        var data = new TheoryData<string, string, int, int, int[]>();
        foreach (var kind in new[] { nameof(SchedulerKind.Euler), nameof(SchedulerKind.EulerAncestral), nameof(SchedulerKind.Ddim) })
        {
            data.Add(kind, nameof(TimestepSpacing.Linspace), 0, 4, [999, 666, 333, 0]);
            data.Add(kind, nameof(TimestepSpacing.Linspace), 0, 1, [999]);
            data.Add(kind, nameof(TimestepSpacing.Leading), 1, 4, [751, 501, 251, 1]);
            data.Add(kind, nameof(TimestepSpacing.Leading), 1, 1, [1]);
            data.Add(kind, nameof(TimestepSpacing.Leading), 0, 4, [750, 500, 250, 0]);
            data.Add(kind, nameof(TimestepSpacing.Trailing), 0, 4, [999, 749, 499, 249]);
            data.Add(kind, nameof(TimestepSpacing.Trailing), 1, 4, [999, 749, 499, 249]);
            data.Add(kind, nameof(TimestepSpacing.Trailing), 0, 1, [999]);
            data.Add(kind, nameof(TimestepSpacing.Trailing), 0, 3, [999, 666, 332]);
            data.Add(kind, nameof(TimestepSpacing.Linspace), 0, 3, [999, 500, 0]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Timesteps_Spacing_MatchTable(string kind, string spacing, int offset, int steps, int[] expected)
    {
        var options = new SchedulerOptions { Spacing = Enum.Parse<TimestepSpacing>(spacing), StepsOffset = offset };
        var scheduler = DiffusionScheduler.Create(Enum.Parse<SchedulerKind>(kind), options, steps);

        Assert.Equal(expected, scheduler.Timesteps);
        Assert.Equal(steps, scheduler.StepCount);
    }

    [Theory]
    [InlineData(4, new[] { 999, 759, 499, 259 })]
    [InlineData(1, new[] { 999 })]
    [InlineData(2, new[] { 999, 499 })]
    [InlineData(8, new[] { 999, 879, 759, 639, 499, 379, 259, 139 })]
    public void Timesteps_Lcm_PickFromDistillationSchedule(int steps, int[] expected)
    {
        // Spacing is ignored by LCM: linspace here would give something else.
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Lcm, new SchedulerOptions { Spacing = TimestepSpacing.Linspace }, steps);

        Assert.Equal(expected, scheduler.Timesteps);
    }

    [Fact]
    public void Timesteps_Lcm50Steps_AreTheWholeDistillationSchedule()
    {
        var scheduler = DiffusionScheduler.Create(SchedulerKind.Lcm, new SchedulerOptions(), 50);

        Assert.Equal(Enumerable.Range(1, 50).Select(k => 1019 - 20 * k), scheduler.Timesteps);
    }

    [Theory]
    [InlineData(nameof(TimestepSpacing.Linspace), 0)]
    [InlineData(nameof(TimestepSpacing.Leading), 0)]
    [InlineData(nameof(TimestepSpacing.Leading), 1)]
    [InlineData(nameof(TimestepSpacing.Trailing), 0)]
    public void Timesteps_AnyStepCount_AreNDistinctDescendingTrainingTimesteps(string spacingName, int offset)
    {
        var spacing = Enum.Parse<TimestepSpacing>(spacingName);
        // Leading with offset 1 cannot take all 1000 steps (it would reach t = 1000); that is rejected elsewhere.
        var most = spacing == TimestepSpacing.Leading && offset == 1 ? 999 : 1000;
        for (var steps = 1; steps <= most; steps++)
        {
            var timesteps = TimestepSchedule.Spaced(spacing, 1000, steps, offset);

            Assert.Equal(steps, timesteps.Length);
            Assert.InRange(timesteps[^1], 0, 999);
            Assert.InRange(timesteps[0], 0, 999);
            for (var i = 1; i < timesteps.Length; i++)
                Assert.True(timesteps[i] < timesteps[i - 1], $"{spacing} N={steps}: {timesteps[i - 1]} then {timesteps[i]}");
            if (spacing != TimestepSpacing.Leading)
                Assert.Equal(999, timesteps[0]);
        }
    }

    [Fact]
    public void Timesteps_Trailing61Steps_AreExactly61()
    {
        // numpy's arange(1000, 0, −1000/61) has 62 entries through float rounding; the schedule must have 61.
        var timesteps = TimestepSchedule.Spaced(TimestepSpacing.Trailing, 1000, 61, 0);

        Assert.Equal(61, timesteps.Length);
        Assert.Equal(15, timesteps[^1]);
    }

    [Fact]
    public void Karras_FiveSteps_FollowRhoSevenRamp()
    {
        const double max = 14.6146, min = 0.0292;
        var sigmas = TimestepSchedule.Karras(max, min, 5);

        Assert.Equal(5, sigmas.Length);
        Assert.Equal(max, sigmas[0]);
        Assert.Equal(min, sigmas[4]);
        for (var i = 1; i < 4; i++)
        {
            // Hand-derived: σ_i^{1/7} moves in equal steps from σ_max^{1/7} to σ_min^{1/7}.
            var root = Math.Pow(max, 1 / 7.0) + i / 4.0 * (Math.Pow(min, 1 / 7.0) - Math.Pow(max, 1 / 7.0));
            Assert.Equal(root * root * root * root * root * root * root, sigmas[i], 12);
        }
    }

    [Fact]
    public void Timesteps_EulerKarras_StartAtMaxAndFollowKarrasSigmas()
    {
        var options = new SchedulerOptions { Spacing = TimestepSpacing.Trailing, UseKarrasSigmas = true };

        var scheduler = DiffusionScheduler.Create(SchedulerKind.Euler, options, 4);
        var sigmas = EulerScheduler.Sigmas(options, NoiseSchedule.AlphasCumprod(options), 4, out _);

        // The Karras ends are the spaced schedule's σ(999) and σ(249); the UNet is told the nearest timestep of each σ.
        Assert.Equal(999, scheduler.Timesteps[0]);
        Assert.Equal(249, scheduler.Timesteps[3]);
        Assert.Equal(ReferenceSchedule.Sigma(999), sigmas[0], 9);
        Assert.Equal(ReferenceSchedule.Sigma(249), sigmas[3], 9);
        Assert.Equal(0, sigmas[4]);
        for (var i = 1; i < 3; i++)
        {
            var t = scheduler.Timesteps[i];
            Assert.InRange(sigmas[i], ReferenceSchedule.Sigma(t - 1), ReferenceSchedule.Sigma(t + 1));
            Assert.True(t < scheduler.Timesteps[i - 1]);
        }

        Assert.Equal((float)sigmas[0], scheduler.InitNoiseSigma);
    }
}
