using System.Diagnostics;

namespace Livepeer.Benchmarks.Jobs;

/// <summary>
/// A fixed offered rate over a fixed set of connections: each of <c>connections</c> callers sends one call every
/// <c>connections / rate</c> seconds, phase-shifted so the calls are spread evenly. Latency is measured from when a call
/// was due, not when it went out, so a slow answer that delays the caller's next call is counted against the system
/// (no coordinated omission). Below saturation this shows what a hop costs per call; a closed loop at saturation only
/// shows how many callers share the CPU.
/// </summary>
internal static class PacedLoad
{
    public static async Task<LoadResult> RunAsync(JobPath path, int connections, double ratePerSecond, TimeSpan warmup, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var interval = (long)(connections / ratePerSecond * Stopwatch.Frequency);
        var baseline = ProcessBaseline.StartCapturingAt(measureFrom);

        var callers = new Task<Caller>[connections];
        for (var i = 0; i < connections; i++)
        {
            var caller = new Caller(i);
            var firstDue = start + (long)(i / ratePerSecond * Stopwatch.Frequency);
            callers[i] = Task.Run(() => caller.RunAsync(path, firstDue, interval, measureFrom, stopAt));
        }

        var done = await Task.WhenAll(callers);
        baseline.WaitUntilCaptured();
        var elapsed = Stopwatch.GetElapsedTime(measureFrom, Math.Max(stopAt, Stopwatch.GetTimestamp()));
        var (cpu, gen0, gen1, gen2) = baseline.Since();
        return new LoadResult(
            path.Name, connections, elapsed, new Cli.Percentiles(done.SelectMany(c => c.LatenciesMs)),
            done.Sum(c => c.Errors), done.Select(c => c.FirstError).FirstOrDefault(e => e is not null),
            cpu.TotalSeconds / elapsed.TotalSeconds, gen0, gen1, gen2, OfferedPerSecond: ratePerSecond);
    }

    private sealed class Caller(int index)
    {
        public List<double> LatenciesMs { get; } = new(capacity: 16 * 1024);

        public long Errors { get; private set; }

        public string? FirstError { get; private set; }

        public async Task<Caller> RunAsync(JobPath path, long firstDue, long interval, long measureFrom, long stopAt)
        {
            for (var due = firstDue; due < stopAt; due += interval)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
                else await Task.Yield();

                try
                {
                    await path.CallAsync(index);
                }
                catch (Exception e) when (due >= measureFrom)
                {
                    Errors++;
                    FirstError ??= $"{e.GetType().Name}: {e.Message}";
                    continue;
                }
                catch (Exception)
                {
                    // Failures during the warm-up are not part of the measurement.
                    continue;
                }

                if (due >= measureFrom) LatenciesMs.Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds);
            }

            return this;
        }
    }
}
