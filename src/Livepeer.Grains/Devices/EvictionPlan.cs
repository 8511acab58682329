using Livepeer.Contracts;

namespace Livepeer.Grains.Devices;

/// <summary>
/// Which resident models a device would evict to make room: least recently used first, only warm models that are idle
/// and not pinned. Shared by the device grain (which evicts) and placement (which prices an eviction before choosing).
/// </summary>
internal static class EvictionPlan
{
    /// <summary>Victims in eviction order, or null when even evicting every evictable model leaves too little memory.</summary>
    public static List<ResidentModel>? For(IEnumerable<ResidentModel> models, long freeBytes, long neededBytes)
    {
        if (freeBytes >= neededBytes) return [];
        var victims = new List<ResidentModel>();
        foreach (var model in models.Where(IsEvictable).OrderBy(m => m.LastUsed))
        {
            victims.Add(model);
            freeBytes += model.MemoryBytes;
            if (freeBytes >= neededBytes) return victims;
        }

        return null;
    }

    public static bool IsEvictable(ResidentModel model) =>
        model is { State: ModelState.Warm, ActiveJobs: 0, Pinned: false };
}
