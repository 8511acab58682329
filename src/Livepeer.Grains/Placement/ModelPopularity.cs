using System.Collections.Concurrent;

namespace Livepeer.Grains.Placement;

/// <summary>
/// How often each model is asked for lately: a request count that halves every <c>halfLife</c>.
/// Placement uses it to evict the least valuable model when every device is full.
/// </summary>
internal sealed class ModelPopularity(TimeProvider time, TimeSpan halfLife)
{
    private readonly ConcurrentDictionary<string, Counter> counters = new(StringComparer.Ordinal);

    /// <summary>Default half-life: long enough that a burst does not beat a steady favourite, short enough to follow a shift.</summary>
    public static readonly TimeSpan DefaultHalfLife = TimeSpan.FromMinutes(10);

    public void Observe(string modelId)
    {
        var counter = counters.GetOrAdd(modelId, static (_, now) => new Counter(now), time.GetTimestamp());
        lock (counter)
        {
            var now = time.GetTimestamp();
            counter.Value = Decayed(counter, now) + 1;
            counter.Timestamp = now;
        }
    }

    public double Score(string modelId)
    {
        if (!counters.TryGetValue(modelId, out var counter)) return 0;
        lock (counter)
            return Decayed(counter, time.GetTimestamp());
    }

    private double Decayed(Counter counter, long now)
    {
        var elapsed = time.GetElapsedTime(counter.Timestamp, now);
        return elapsed <= TimeSpan.Zero ? counter.Value : counter.Value * Math.Pow(2, -elapsed / halfLife);
    }

    private sealed class Counter(long timestamp)
    {
        public double Value;
        public long Timestamp = timestamp;
    }
}
