using Livepeer.Contracts;
using Livepeer.Grains.Residency;

namespace Livepeer.Grains.Placement;

/// <summary>
/// Warm-model placement as pure functions over the residency view, so the director, the residency grain and the
/// placement simulation all run the same rules:
/// 1. silos with the model warm and a free slot, by power-of-two-choices on free slots (no herding);
/// 2. else the silo already loading it (its load is the one load; the job waits for it);
/// 3. else, if warm somewhere but saturated: queue on the least busy warm silo, unless its queue is
///    <see cref="ScaleOutQueueDepth"/> jobs per slot deep and another silo can hold a second copy without evicting;
/// 4. else (cold) the device with the most free memory, or the one whose eviction costs the least popularity.
/// </summary>
internal static class PlacementPolicy
{
    /// <summary>
    /// Queued jobs per warm slot before a second copy is loaded. A cold load costs seconds on a GPU against
    /// milliseconds for a warm run, so a short queue is cheaper than a copy.
    /// </summary>
    public const int ScaleOutQueueDepth = 4;

    /// <summary>Chooses the silo for a job.</summary>
    /// <param name="modelId">The job's model.</param>
    /// <param name="eligible">Worker silos that may run it (non-empty).</param>
    /// <param name="popularity">Recent demand per model, to price evictions.</param>
    /// <param name="random">Source of the two random choices.</param>
    /// <param name="inFlight">Jobs for the model this silo has placed on a silo and not seen finish.</param>
    public static SiloResidency ChooseSilo(
        string modelId, IReadOnlyList<SiloResidency> eligible, ModelPopularity popularity, Random random, Func<SiloAddress, string, int> inFlight)
    {
        ArgumentOutOfRangeException.ThrowIfZero(eligible.Count);
        var withFreeSlot = new TwoChoices(modelId, random, inFlight);
        var saturated = new TwoChoices(modelId, random, inFlight);
        SiloResidency? loading = null;
        foreach (var silo in eligible)
        {
            var presence = silo.Presence(modelId);
            if (presence.WarmDevices > 0)
            {
                if (EffectiveFreeSlots(silo, modelId, presence, inFlight) > 0) withFreeSlot.Offer(silo);
                else saturated.Offer(silo);
            }
            else if (presence.Loading)
            {
                loading ??= silo;
            }
        }

        if (withFreeSlot.Best() is { } free) return free;
        if (loading is not null) return loading;
        if (saturated.Best() is { } queue)
        {
            var presence = queue.Presence(modelId);
            var backlog = -EffectiveFreeSlots(queue, modelId, presence, inFlight);
            return backlog >= ScaleOutQueueDepth * Math.Max(1, presence.SlotsOnWarm)
                ? SiloThatFitsWithoutEviction(modelId, eligible) ?? queue
                : queue;
        }

        return LoadTargets.Choose(modelId, eligible, popularity)?.Silo ?? MostFreeMemory(eligible);
    }

    /// <summary>
    /// Free slots on the silo's warm copies, less their queue; negative when jobs wait. The load is this silo's own jobs
    /// there now (exact) plus the snapshot's load from other callers (a few milliseconds old).
    /// </summary>
    private static int EffectiveFreeSlots(SiloResidency silo, string modelId, ModelPresence presence, Func<SiloAddress, string, int> inFlight) =>
        presence.SlotsOnWarm - inFlight(silo.Silo, modelId) - silo.OthersLoad(modelId);

    private static SiloResidency? SiloThatFitsWithoutEviction(string modelId, IReadOnlyList<SiloResidency> eligible)
    {
        SiloResidency? best = null;
        foreach (var silo in eligible)
        {
            var presence = silo.Presence(modelId);
            if (presence.WarmDevices > 0 || presence.Loading) continue;
            if (silo.MaxFreeMemoryBytes >= silo.ModelMemoryBytes(modelId) && (best is null || silo.MaxFreeMemoryBytes > best.MaxFreeMemoryBytes))
                best = silo;
        }

        return best;
    }

    private static SiloResidency MostFreeMemory(IReadOnlyList<SiloResidency> eligible) => eligible.MaxBy(s => s.MaxFreeMemoryBytes)!;

    /// <summary>
    /// Power of two choices: samples two distinct silos uniformly (reservoir sampling, no candidate list) and keeps the
    /// one with more effective free slots, so load spreads without every decision herding onto the same "best" silo.
    /// </summary>
    private struct TwoChoices(string modelId, Random random, Func<SiloAddress, string, int> inFlight)
    {
        private SiloResidency? first;
        private SiloResidency? second;
        private int seen;

        public void Offer(SiloResidency silo)
        {
            seen++;
            if (seen == 1) first = silo;
            else if (seen == 2) second = silo;
            else
            {
                var pick = random.Next(seen);
                if (pick == 0) first = silo;
                else if (pick == 1) second = silo;
            }
        }

        public readonly SiloResidency? Best()
        {
            if (second is null) return first;
            var a = EffectiveFreeSlots(first!, modelId, first!.Presence(modelId), inFlight);
            var b = EffectiveFreeSlots(second, modelId, second.Presence(modelId), inFlight);
            return a > b || (a == b && random.Next(2) == 0) ? first : second;
        }
    }
}
