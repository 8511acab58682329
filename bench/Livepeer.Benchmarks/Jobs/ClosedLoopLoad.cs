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
        var callers = new Task<Caller>[concurrency];
        var process = Process.GetCurrentProcess();
        TimeSpan cpuAtStart = default;
        int[] gcAtStart = [];
        var window = Task.Run(async () =>
        {
            await Task.Delay(warmup);
            process.Refresh();
            cpuAtStart = process.TotalProcessorTime;
            gcAtStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        });

        for (var i = 0; i < concurrency; i++)
        {
            var caller = new Caller(i);
            callers[i] = Task.Run(() => caller.RunAsync(path, measureFrom, stopAt));
        }

        var done = await Task.WhenAll(callers);
        await window;
        var finished = Stopwatch.GetTimestamp();
        process.Refresh();
        var elapsed = Stopwatch.GetElapsedTime(measureFrom, finished);
        var cores = (process.TotalProcessorTime - cpuAtStart).TotalSeconds / elapsed.TotalSeconds;
        return new LoadResult(
            path.Name, concurrency, elapsed, new Cli.Percentiles(done.SelectMany(c => c.LatenciesMs)),
            done.Sum(c => c.Errors), done.Select(c => c.FirstError).FirstOrDefault(e => e is not null), cores,
            GC.CollectionCount(0) - gcAtStart[0], GC.CollectionCount(1) - gcAtStart[1], GC.CollectionCount(2) - gcAtStart[2]);
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
