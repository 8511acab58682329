using System.Diagnostics;

namespace Livepeer.Benchmarks.Jobs;

/// <summary>
/// A closed loop: each caller sends its next call as soon as the last one answers. Calls started during the warm-up
/// are not recorded; calls started in the measured window are, including those that finish after it ends.
/// </summary>
internal static class ClosedLoopLoad
{
    public static async Task<LoadResult> RunAsync(JobPath path, int concurrency, TimeSpan warmup, TimeSpan duration)
    {
        var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var baseline = ProcessBaseline.StartCapturingAt(measureFrom);

        var callers = new Task<Caller>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            var caller = new Caller(i);
            callers[i] = Task.Run(() => caller.RunAsync(path, measureFrom, stopAt));
        }

        var done = await Task.WhenAll(callers);
        baseline.WaitUntilCaptured();
        var finished = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(measureFrom, finished);
        var (cpu, gen0, gen1, gen2) = baseline.Since();
        return new LoadResult(
            path.Name, concurrency, elapsed, new Cli.Percentiles(done.SelectMany(c => c.LatenciesMs)),
            done.Sum(c => c.Errors), done.Select(c => c.FirstError).FirstOrDefault(e => e is not null),
            cpu.TotalSeconds / elapsed.TotalSeconds, gen0, gen1, gen2);
    }

    private sealed class Caller(int index)
    {
        public List<double> LatenciesMs { get; } = new(capacity: 64 * 1024);

        public long Errors { get; private set; }

        public string? FirstError { get; private set; }

        public async Task<Caller> RunAsync(JobPath path, long measureFrom, long stopAt)
        {
            while (true)
            {
                // Each call starts from the thread pool's global queue, as a request read from a socket would. Chained
                // on a worker's local queue, in-process callers would starve the silo's timers (seconds-late ticks).
                await Task.Yield();
                var started = Stopwatch.GetTimestamp();
                if (started >= stopAt) return this;
                try
                {
                    await path.CallAsync(index);
                }
                catch (Exception e) when (started >= measureFrom)
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

                if (started >= measureFrom) LatenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }
}
