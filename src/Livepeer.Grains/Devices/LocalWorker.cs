using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Livepeer.Contracts;
using Livepeer.Grains.Orchestration;
using Livepeer.Pipelines;
using Microsoft.Extensions.Options;

namespace Livepeer.Grains.Devices;

/// <summary>
/// This silo's worker role: its id, devices, installed models, and the latest status each device grain reported.
/// Device grains write statuses here; the residency publisher and local job grains read them.
/// </summary>
internal sealed class LocalWorker : IWorkerSilo, IDisposable
{
    private readonly ConcurrentDictionary<string, DeviceStatus> statuses = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim changed = new(0, 1);
    private readonly ConcurrentDictionary<int, InferenceThreads> inferenceThreads = new();

    public LocalWorker(IOptions<WorkerOptions> options)
    {
        var value = options.Value;
        Id = value.Id;
        Models = ModelStore.Open(value.ModelsPath);
        Devices = value.EffectiveDevices.ToFrozenDictionary(d => d.Index);
        Orchestrators = [.. value.Orchestrators.Select(a => EthereumAddress.TryNormalize(a, out var n) ? n : a)];
        InstalledModels = Models.Models.ToImmutableDictionary(m => m.Key, m => m.Value.Manifest.MemoryBytes, StringComparer.Ordinal);
    }

    public string Id { get; }

    public ModelStore Models { get; }

    /// <summary>Installed model ids with the memory each needs.</summary>
    public ImmutableDictionary<string, long> InstalledModels { get; }

    public FrozenDictionary<int, DeviceOptions> Devices { get; }

    IReadOnlyDictionary<int, DeviceOptions> IWorkerSilo.Devices => Devices;

    /// <summary>Orchestrators served; empty means all.</summary>
    public ImmutableArray<string> Orchestrators { get; }

    public IEnumerable<string> DeviceKeys => Devices.Keys.Order().Select(i => new DeviceKey(Id, i).ToString());

    public ImmutableArray<DeviceStatus> Statuses => [.. statuses.Values.OrderBy(s => s.DeviceKey, StringComparer.Ordinal)];

    /// <summary>Records a device's new status and wakes the publisher.</summary>
    public void Report(DeviceStatus status)
    {
        statuses[status.DeviceKey] = status;
        Signal();
    }

    public void Forget(string deviceKey)
    {
        statuses.TryRemove(deviceKey, out _);
        Signal();
    }

    /// <summary>Waits until a status changes or <paramref name="timeout"/> passes.</summary>
    public Task WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        changed.WaitAsync(timeout, cancellationToken);

    /// <summary>The local device with the model warm and the most free slots, if any.</summary>
    public string? FindWarmDevice(string modelId)
    {
        DeviceStatus? best = null;
        foreach (var status in statuses.Values)
        {
            if (!status.Models.Any(m => m.ModelId == modelId && m.State == ModelState.Warm)) continue;
            if (best is null || status.FreeSlots > best.FreeSlots) best = status;
        }

        return best?.DeviceKey;
    }

    /// <summary>The dedicated inference threads of device <paramref name="index"/> (one per slot), created on first use.</summary>
    public InferenceThreads InferenceThreadsOf(int index) =>
        inferenceThreads.GetOrAdd(index, i => new InferenceThreads($"device {Id}/{i}", Devices[i].Slots));

    public void Dispose()
    {
        foreach (var threads in inferenceThreads.Values) threads.Dispose();
        changed.Dispose();
    }

    public void Signal()
    {
        if (changed.CurrentCount > 0) return;
        try
        {
            changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another reporter signalled between the check and the release: one wake-up is all that is needed.
        }
    }
}
