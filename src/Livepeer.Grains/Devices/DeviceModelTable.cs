using System.Collections.Immutable;
using System.Diagnostics;
using Livepeer.Contracts;

namespace Livepeer.Grains.Devices;

/// <summary>
/// The bookkeeping of one device: memory reserved per model, model states, jobs per model and last use.
/// Single-threaded (a grain's turn, or the placement simulation); holds no sessions.
/// </summary>
internal sealed class DeviceModelTable(long budgetBytes, TimeProvider time)
{
    private readonly Dictionary<string, ResidentModel> models = new(StringComparer.Ordinal);

    public long BudgetBytes { get; } = budgetBytes;

    public long ReservedBytes { get; private set; }

    public long FreeBytes => BudgetBytes - ReservedBytes;

    public int Count => models.Count;

    public bool TryGet(string modelId, out ResidentModel model) => models.TryGetValue(modelId, out model!);

    public ImmutableArray<ResidentModel> Snapshot() => [.. models.Values];

    /// <summary>Victims to evict before <paramref name="neededBytes"/> fit, or null when they cannot fit.</summary>
    public List<ResidentModel>? PlanEvictions(long neededBytes) =>
        neededBytes > BudgetBytes ? null : EvictionPlan.For(models.Values, FreeBytes, neededBytes);

    public void BeginLoad(string modelId, long bytes, bool pinned)
    {
        Debug.Assert(!models.ContainsKey(modelId) && bytes <= FreeBytes);
        models[modelId] = new ResidentModel(modelId, ModelState.Loading, bytes, 0, time.GetUtcNow(), pinned);
        ReservedBytes += bytes;
    }

    public void CompleteLoad(string modelId) =>
        Replace(modelId, m => m with { State = ModelState.Warm, LastUsed = time.GetUtcNow() });

    public void Pin(string modelId) => Replace(modelId, m => m with { Pinned = true });

    public void BeginEvict(string modelId)
    {
        Debug.Assert(EvictionPlan.IsEvictable(models[modelId]));
        Replace(modelId, m => m with { State = ModelState.Evicting });
    }

    /// <summary>Forgets the model and releases its memory (after an eviction or a failed load).</summary>
    public void Remove(string modelId)
    {
        if (models.Remove(modelId, out var model))
            ReservedBytes -= model.MemoryBytes;
    }

    /// <summary>A job is waiting for or holding a slot on the model: from now until <see cref="JobEnded"/> it is not evictable.</summary>
    public void JobStarted(string modelId) => Replace(modelId, m => m with { ActiveJobs = m.ActiveJobs + 1 });

    public void JobEnded(string modelId) =>
        Replace(modelId, m => m with { ActiveJobs = m.ActiveJobs - 1, LastUsed = time.GetUtcNow() });

    private void Replace(string modelId, Func<ResidentModel, ResidentModel> change) =>
        models[modelId] = change(models[modelId]);
}
