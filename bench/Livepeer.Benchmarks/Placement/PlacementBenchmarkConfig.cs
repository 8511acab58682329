using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Livepeer.Benchmarks.Placement;

/// <summary>
/// A short in-process job (3 warm-ups, 15 measured iterations) with median and p95 columns. In-process because the
/// default toolchain rebuilds the whole solution in a child process, minutes on a 2-core box.
/// </summary>
internal static class PlacementBenchmarkConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(3)
                .WithIterationCount(15)
                .WithId("short-inprocess"))
            .AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "livepeer-benchmarks"))
            .WithOptions(ConfigOptions.DisableLogFile);
}
