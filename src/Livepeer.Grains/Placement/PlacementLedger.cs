using System.Collections.Concurrent;
using Livepeer.Contracts;

namespace Livepeer.Grains.Placement;

/// <summary>
/// Jobs this silo placed and that have not finished, per (silo, model). Placement is decided on the caller's silo and
/// the result returns there, so this count is exact and current, where snapshots are a few milliseconds old: placement
/// counts its own jobs from here and only the rest of a snapshot's load as other callers' jobs.
/// </summary>
internal sealed class PlacementLedger(TimeProvider time)
{
    /// <summary>Entries of jobs whose caller never reported back (a direct job grain call) are dropped after this long.</summary>
    internal static readonly TimeSpan Expiry = TimeSpan.FromMinutes(15);
    private const int SweepThreshold = 50_000;
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SiloAddress, ConcurrentDictionary<string, Counter>> counts = new();
    private long lastSweep = time.GetTimestamp();

    public void Placed(JobKey job, SiloAddress silo)
    {
        var entry = new Entry(silo, job.ModelId, time.GetTimestamp());
        if (!jobs.TryAdd(job.ToString(), entry)) return;
        var perModel = counts.GetOrAdd(silo, _ => new ConcurrentDictionary<string, Counter>(StringComparer.Ordinal));
        Interlocked.Increment(ref perModel.GetOrAdd(job.ModelId, _ => new Counter()).Value);
        if (jobs.Count > SweepThreshold) Sweep();
    }

    public void Finished(JobKey job)
    {
        if (jobs.TryRemove(job.ToString(), out var entry) &&
            counts.TryGetValue(entry.Silo, out var perModel) && perModel.TryGetValue(entry.ModelId, out var counter))
            Interlocked.Decrement(ref counter.Value);
    }

    public int InFlight(SiloAddress silo, string modelId) =>
        counts.TryGetValue(silo, out var perModel) && perModel.TryGetValue(modelId, out var counter) ? Volatile.Read(ref counter.Value) : 0;

    /// <summary>This silo's jobs in flight on <paramref name="silo"/> now, per model (read when a snapshot of that silo arrives).</summary>
    public Dictionary<string, int> InFlightOn(SiloAddress silo)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        if (counts.TryGetValue(silo, out var perModel))
        {
            foreach (var (modelId, counter) in perModel)
            {
                var value = Volatile.Read(ref counter.Value);
                if (value > 0) result[modelId] = value;
            }
        }

        return result;
    }

    private void Sweep()
    {
        // Entries only expire after minutes, so a sweep more often than this would scan the whole ledger for nothing.
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref lastSweep);
        if (time.GetElapsedTime(last, now) < SweepInterval || Interlocked.CompareExchange(ref lastSweep, now, last) != last) return;
        foreach (var (key, entry) in jobs)
        {
            if (time.GetElapsedTime(entry.Timestamp, now) > Expiry)
                Finished(JobKey.TryParse(key, out var job) ? job : default);
        }
    }

    private sealed record Entry(SiloAddress Silo, string ModelId, long Timestamp);

    private sealed class Counter
    {
        public int Value;
    }
}
