using Livepeer.Contracts;
using Livepeer.Grains.Devices;
using Livepeer.Grains.Residency;

namespace Livepeer.Grains.Placement;

/// <summary>
/// Where a cold model should be loaded: the device with the most free memory when one fits it, otherwise the device
/// whose eviction (its least recently used idle models, as the device grain evicts) costs the least recent demand,
/// ties going to the device whose victims have been idle longest. Allocation-free apart from one small score cache,
/// because this runs inside placement decisions.
/// </summary>
internal static class LoadTargets
{
    /// <summary>The device to load <paramref name="modelId"/> on, or null when no device can make room for it.</summary>
    public static (SiloResidency Silo, DeviceStatus Device)? Choose(string modelId, IReadOnlyList<SiloResidency> silos, ModelPopularity popularity)
    {
        return MostFreeWithoutEviction(modelId, silos) ?? CheapestEviction(modelId, silos, popularity);
    }

    private static (SiloResidency Silo, DeviceStatus Device)? MostFreeWithoutEviction(string modelId, IReadOnlyList<SiloResidency> silos)
    {
        (SiloResidency Silo, DeviceStatus Device)? best = null;
        foreach (var silo in silos)
        {
            var need = silo.ModelMemoryBytes(modelId);
            foreach (var device in silo.Snapshot.Devices)
            {
                if (device.FreeMemoryBytes >= need && !Holds(device, modelId) && (best is null || device.FreeMemoryBytes > best.Value.Device.FreeMemoryBytes))
                    best = (silo, device);
            }
        }

        return best;
    }

    private static (SiloResidency Silo, DeviceStatus Device)? CheapestEviction(string modelId, IReadOnlyList<SiloResidency> silos, ModelPopularity popularity)
    {
        (SiloResidency Silo, DeviceStatus Device)? best = null;
        var bestCost = double.MaxValue;
        var bestNewestVictim = long.MaxValue;
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var silo in silos)
        {
            var need = silo.ModelMemoryBytes(modelId);
            foreach (var device in silo.Snapshot.Devices)
            {
                if (need > device.MemoryBudgetBytes || Holds(device, modelId)) continue;
                if (!TryPriceEviction(device, need, popularity, scores, out var cost, out var newestVictim)) continue;
                if (cost < bestCost || (cost == bestCost && newestVictim < bestNewestVictim))
                {
                    best = (silo, device);
                    bestCost = cost;
                    bestNewestVictim = newestVictim;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Sums the demand of the models the device would evict, in the order <see cref="EvictionPlan"/> evicts them
    /// (least recently used first, idle and unpinned only), without building the plan.
    /// </summary>
    private static bool TryPriceEviction(
        DeviceStatus device, long need, ModelPopularity popularity, Dictionary<string, double> scores, out double cost, out long newestVictimTicks)
    {
        cost = 0;
        newestVictimTicks = long.MinValue;
        var models = device.Models;
        if (models.Length > 64)
            return TryPricePlan(device, need, popularity, scores, out cost, out newestVictimTicks);

        var taken = 0UL;
        var free = device.FreeMemoryBytes;
        while (free < need)
        {
            var oldest = -1;
            for (var i = 0; i < models.Length; i++)
            {
                if ((taken & (1UL << i)) != 0 || !EvictionPlan.IsEvictable(models[i])) continue;
                if (oldest < 0 || models[i].LastUsed < models[oldest].LastUsed) oldest = i;
            }

            if (oldest < 0) return false;
            taken |= 1UL << oldest;
            var victim = models[oldest];
            free += victim.MemoryBytes;
            cost += Score(victim.ModelId, popularity, scores);
            newestVictimTicks = Math.Max(newestVictimTicks, victim.LastUsed.UtcTicks);
        }

        return true;
    }

    private static bool TryPricePlan(
        DeviceStatus device, long need, ModelPopularity popularity, Dictionary<string, double> scores, out double cost, out long newestVictimTicks)
    {
        cost = 0;
        newestVictimTicks = long.MinValue;
        var victims = EvictionPlan.For(device.Models, device.FreeMemoryBytes, need);
        if (victims is null) return false;
        foreach (var victim in victims)
        {
            cost += Score(victim.ModelId, popularity, scores);
            newestVictimTicks = Math.Max(newestVictimTicks, victim.LastUsed.UtcTicks);
        }

        return true;
    }

    private static double Score(string modelId, ModelPopularity popularity, Dictionary<string, double> scores)
    {
        if (!scores.TryGetValue(modelId, out var score))
            scores[modelId] = score = popularity.Score(modelId);
        return score;
    }

    private static bool Holds(DeviceStatus device, string modelId)
    {
        foreach (var model in device.Models)
        {
            if (model.ModelId == modelId) return true;
        }

        return false;
    }
}
