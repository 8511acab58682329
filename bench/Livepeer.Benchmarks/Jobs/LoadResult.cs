using System.Globalization;
using Livepeer.Benchmarks.Cli;

namespace Livepeer.Benchmarks.Jobs;

/// <summary>
/// What one load run measured: every call's latency in the measured window, and what the process spent.
/// <see cref="OfferedPerSecond"/> is set for a paced run and null for a closed loop.
/// </summary>
internal sealed record LoadResult(
    string Path, int Concurrency, TimeSpan Elapsed, Percentiles LatencyMs, long Errors, string? FirstError,
    double CpuCoresUsed, int Gen0, int Gen1, int Gen2, double? OfferedPerSecond = null)
{
    public double JobsPerSecond => LatencyMs.Count / Elapsed.TotalSeconds;

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"jobpath path={Path} concurrency={Concurrency} {(OfferedPerSecond is { } offered ? $"offered_per_s={offered:F0} " : "")}jobs_per_s={JobsPerSecond:F0} p50_ms={LatencyMs.At(50):F3} p99_ms={LatencyMs.At(99):F3} " +
        $"max_ms={LatencyMs.Max:F3} p90_ms={LatencyMs.At(90):F3} jobs={LatencyMs.Count} errors={Errors} seconds={Elapsed.TotalSeconds:F1} " +
        $"cpu_cores_used={CpuCoresUsed:F2} gc0={Gen0} gc1={Gen1} gc2={Gen2} {MachineFacts.LoadAverageField()}");
}
