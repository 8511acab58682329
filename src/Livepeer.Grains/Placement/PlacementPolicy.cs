using Livepeer.Contracts;
using Livepeer.Grains.Devices;
using Livepeer.Grains.Residency;

namespace Livepeer.Grains.Placement;

/// <summary>
/// Warm-model placement as pure functions over the residency view, so the director, the residency grain and the
/// placement simulation all run the same rules:
/// 1. silos with the model warm and a free slot, by power-of-two-choices on free slots (no herding);
/// 2. else the silo already loading it (its load is the one load; the job waits for it);
/// 3. else, if warm somewhere but saturated, a silo that can hold a second copy without evicting, or the least busy warm silo;
/// 4. else (cold) the device with the most free memory, or the one whose eviction costs the least popularity.
/// </summary>
internal static class PlacementPolicy
{
    public static SiloResidency ChooseSilo(string modelId, IReadOnlyList<SiloResidency> eligible, ModelPopularity popularity, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfZero(eligible.Count);
        SiloResidency? first = null, second = null, loading = null, leastBusyWarm = null;
        var warmWithFree = 0;
        foreach (var silo in eligible)
        {
            var presence = silo.Presence(modelId);
            if (presence.WarmDevices > 0)
            {
                if (EffectiveFreeSlots(silo, presence) > 0)
                {
                    // Reservoir sampling of two distinct silos: a uniform pair without allocating a candidate list.
                    warmWithFree++;
                    if (warmWithFree == 1) first = silo;
                    else if (warmWithFree == 2) second = silo;
                    else
                    {
                        var pick = random.Next(warmWithFree);
                        if (pick == 0) first = silo;
                        else if (pick == 1) second = silo;
                    }
                }
                else if (leastBusyWarm is null || EffectiveFreeSlots(silo, presence) > EffectiveFreeSlots(leastBusyWarm, leastBusyWarm.Presence(modelId)))
                {
                    leastBusyWarm = silo;
                }
            }
            else if (presence.Loading)
            {
                loading ??= silo;
            }
        }

        if (first is not null)
        {
            if (second is null) return first;
            var a = EffectiveFreeSlots(first, first.Presence(modelId));
            var b = EffectiveFreeSlots(second, second.Presence(modelId));
            return a > b || (a == b && random.Next(2) == 0) ? first : second;
        }

        if (loading is not null) return loading;

        if (leastBusyWarm is not null)
            return SiloThatFitsWithoutEviction(modelId, eligible) ?? leastBusyWarm;

        return ChooseLoadTarget(modelId, eligible, popularity)?.Silo ?? MostFreeMemory(eligible);
    }

    /// <summary>The device to load a cold model on, among <paramref name="silos"/>; null when no device can make room.</summary>
    public static (SiloResidency Silo, DeviceStatus Device)? ChooseLoadTarget(string modelId, IEnumerable<SiloResidency> silos, ModelPopularity popularity)
    {
        (SiloResidency Silo, DeviceStatus Device)? best = null;
        var bestCost = LoadCost.Impossible;
        foreach (var silo in silos)
        {
            var need = silo.ModelMemoryBytes(modelId);
            foreach (var device in silo.Snapshot.Devices)
            {
                if (device.Models.Any(m => m.ModelId == modelId)) continue;
                var cost = LoadCost.Of(device, need, popularity);
                if (cost.CompareTo(bestCost) < 0)
                {
                    best = (silo, device);
                    bestCost = cost;
                }
            }
        }

        return best;
    }

    private static int EffectiveFreeSlots(SiloResidency silo, ModelPresence presence) => presence.FreeSlotsOnWarm - silo.PendingPlacements;

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

    /// <summary>Cost of loading on one device, ordered: fits without eviction (more free memory first), then evicting the least popular, oldest models.</summary>
    private readonly record struct LoadCost(int Tier, double Popularity, long Tiebreak) : IComparable<LoadCost>
    {
        public static readonly LoadCost Impossible = new(int.MaxValue, double.MaxValue, long.MaxValue);

        public static LoadCost Of(DeviceStatus device, long need, ModelPopularity popularity)
        {
            if (need > device.MemoryBudgetBytes) return Impossible;
            if (device.FreeMemoryBytes >= need) return new LoadCost(0, 0, -device.FreeMemoryBytes);
            var victims = EvictionPlan.For(device.Models, device.FreeMemoryBytes, need);
            if (victims is null) return Impossible;
            return new LoadCost(1, victims.Sum(v => popularity.Score(v.ModelId)), victims.Max(v => v.LastUsed).UtcTicks);
        }

        public int CompareTo(LoadCost other)
        {
            var byTier = Tier.CompareTo(other.Tier);
            if (byTier != 0) return byTier;
            var byPopularity = Popularity.CompareTo(other.Popularity);
            return byPopularity != 0 ? byPopularity : Tiebreak.CompareTo(other.Tiebreak);
        }
    }
}
