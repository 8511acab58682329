using System.Collections.Concurrent;

namespace Livepeer.Gateway.Routing;

/// <summary>
/// What this gateway learned about each orchestrator from its own jobs: jobs in flight, latency per unit of work
/// (an exponentially weighted moving average per pipeline and model), failure streaks and suspensions.
/// Thread-safe; updated on the request path, read by selection.
/// </summary>
internal sealed class OrchestratorBook(TimeProvider time)
{
    /// <summary>Weight of the newest sample in the latency average.</summary>
    internal const double EwmaWeight = 0.2;
    private static readonly TimeSpan MaxSuspension = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Record> records = new(StringComparer.Ordinal);

    public int InFlight(string address) => records.TryGetValue(address, out var r) ? Volatile.Read(ref r.InFlight) : 0;

    public void Started(string address) => Interlocked.Increment(ref Get(address).InFlight);

    public void Finished(string address) => Interlocked.Decrement(ref Get(address).InFlight);

    /// <summary>Milliseconds per unit of work on this orchestrator for this model, or null before its first job.</summary>
    public double? LatencyPerUnit(string address, string pipeline, string modelId) =>
        records.TryGetValue(address, out var r) && r.Latency.TryGetValue((pipeline, modelId), out var ewma) ? ewma : null;

    public void Succeeded(string address, string pipeline, string modelId, TimeSpan elapsed, long units)
    {
        var record = Get(address);
        var sample = elapsed.TotalMilliseconds / Math.Max(1, units);
        record.Latency.AddOrUpdate((pipeline, modelId), sample, (_, old) => old + (EwmaWeight * (sample - old)));
        lock (record) record.FailureStreak = 0;
    }

    /// <summary>Counts a failure that was the orchestrator's; enough in a row suspend it, for longer each time.</summary>
    /// <returns>The suspension that started, if any.</returns>
    public TimeSpan? Failed(string address, int suspendAfter, TimeSpan firstSuspension)
    {
        var record = Get(address);
        lock (record)
        {
            record.FailureStreak++;
            if (record.FailureStreak < suspendAfter) return null;
            var length = TimeSpan.FromTicks(Math.Min(MaxSuspension.Ticks, firstSuspension.Ticks << Math.Min(record.Suspensions, 10)));
            record.Suspensions++;
            record.FailureStreak = 0;
            record.SuspendedUntil = time.GetUtcNow() + length;
            return length;
        }
    }

    public bool IsSuspended(string address)
    {
        if (!records.TryGetValue(address, out var record)) return false;
        lock (record) return record.SuspendedUntil > time.GetUtcNow();
    }

    private Record Get(string address) => records.GetOrAdd(address, _ => new Record());

    private sealed class Record
    {
        public readonly ConcurrentDictionary<(string Pipeline, string ModelId), double> Latency = new();
        public int InFlight;
        public int FailureStreak;
        public int Suspensions;
        public DateTimeOffset SuspendedUntil;
    }
}
