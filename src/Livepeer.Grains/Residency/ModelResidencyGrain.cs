using System.Collections.Immutable;
using Livepeer.Contracts;
using Livepeer.Grains.Placement;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Livepeer.Grains.Residency;

/// <summary>
/// One model cluster wide: which devices hold it, and the single-flight rule for cold loads — while a load is in
/// flight every other request waits for that load instead of starting another.
/// Reentrant: waiting requests interleave; all bookkeeping happens between awaits.
/// </summary>
[GrainType("livepeer-model-residency"), Reentrant]
internal sealed partial class ModelResidencyGrain(
    ClusterResidencyView view,
    ModelPopularity popularity,
    IClusterMembershipService membership,
    TimeProvider time,
    ILogger<ModelResidencyGrain> logger) : Grain, IModelResidencyGrain
{
    private const int MaxAttempts = 3;

    /// <summary>How long a placement this grain learned first (load completed, not yet in the view) is trusted without the view confirming it.</summary>
    private static readonly TimeSpan ViewGrace = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, Known> known = new(StringComparer.Ordinal);
    private Task<string>? inflightLoad;
    private string modelId = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        modelId = this.GetPrimaryKeyString();
        return Task.CompletedTask;
    }

    public async Task<DeviceAssignment> AcquireDeviceAsync(DeviceRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var assignment = await FindOrLoadAsync(request, cancellationToken);
                if (request.Pin) await GrainFactory.GetGrain<IGpuGrain>(assignment.DeviceKey).LoadModelAsync(modelId, pinned: true, cancellationToken);
                return assignment;
            }
            catch (JobFailedException e) when (attempt < MaxAttempts && e.Kind is JobErrorKind.NoWorker)
            {
                // The device chosen went away or filled up between the view and the call: look again.
                LogRetry(logger, modelId, attempt, e.Message);
            }
        }
    }

    public Task ReportEvictedAsync(string deviceKey)
    {
        known.Remove(deviceKey);
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<ModelPlacement>> GetPlacementsAsync(CancellationToken cancellationToken)
    {
        Refresh();
        return Task.FromResult<ImmutableArray<ModelPlacement>>([.. known.Values.Select(k => k.Placement).OrderBy(p => p.DeviceKey, StringComparer.Ordinal)]);
    }

    private async Task<DeviceAssignment> FindOrLoadAsync(DeviceRequest request, CancellationToken cancellationToken)
    {
        Refresh();
        var warm = WarmDevices(request.Orchestrator);
        var withFreeSlot = warm.Where(w => w.FreeSlots > 0).ToList();
        if (withFreeSlot.Count > 0)
        {
            var best = withFreeSlot.FirstOrDefault(w => w.Placement.Silo.Equals(request.PreferredSilo)) ?? withFreeSlot.MaxBy(w => w.FreeSlots)!;
            return new DeviceAssignment(best.Placement.DeviceKey, WaitedForLoad: false);
        }

        if (inflightLoad is not null)
            return new DeviceAssignment(await inflightLoad.WaitAsync(cancellationToken), WaitedForLoad: true);

        // Warm but saturated: a second copy only where it fits without evicting anything; otherwise queue on the least busy.
        var target = ChooseLoadTarget(request, withoutEviction: warm.Count > 0);
        if (target is null)
        {
            if (warm.Count > 0) return new DeviceAssignment(warm.MaxBy(w => w.FreeSlots)!.Placement.DeviceKey, WaitedForLoad: false);
            throw new JobFailedException(JobErrorKind.NoWorker, $"No device serving orchestrator {request.Orchestrator} can make room for model '{modelId}'.");
        }

        inflightLoad = LoadAsync(target.Value.Device, target.Value.Silo);
        return new DeviceAssignment(await inflightLoad.WaitAsync(cancellationToken), WaitedForLoad: true);
    }

    private async Task<string> LoadAsync(string deviceKey, SiloAddress silo)
    {
        known[deviceKey] = new Known(new ModelPlacement(deviceKey, silo, ModelState.Loading), time.GetUtcNow());
        try
        {
            await GrainFactory.GetGrain<IGpuGrain>(deviceKey).LoadModelAsync(modelId, pinned: false, CancellationToken.None);
            known[deviceKey] = new Known(new ModelPlacement(deviceKey, silo, ModelState.Warm), time.GetUtcNow());
            LogLoaded(logger, modelId, deviceKey);
            return deviceKey;
        }
        catch
        {
            known.Remove(deviceKey);
            throw;
        }
        finally
        {
            inflightLoad = null;
        }
    }

    private (string Device, SiloAddress Silo)? ChooseLoadTarget(DeviceRequest request, bool withoutEviction)
    {
        var eligible = view.Silos.Where(s => s.CanServe(modelId, request.Orchestrator)).ToList();
        var preferred = eligible.Where(s => s.Silo.Equals(request.PreferredSilo)).ToList();
        var choice = (preferred.Count > 0 ? LoadTargets.Choose(modelId, preferred, popularity) : null)
                     ?? LoadTargets.Choose(modelId, eligible, popularity);
        if (choice is not { } c) return null;
        if (withoutEviction && c.Device.FreeMemoryBytes < c.Silo.ModelMemoryBytes(modelId)) return null;
        return (c.Device.DeviceKey, c.Silo.Silo);
    }

    private List<WarmDevice> WarmDevices(string orchestrator)
    {
        var result = new List<WarmDevice>();
        foreach (var entry in known.Values)
        {
            if (entry.Placement.State != ModelState.Warm) continue;
            if (!view.TryGet(entry.Placement.Silo, out var silo) || !silo.Serves(orchestrator)) continue;
            var device = silo.Snapshot.Devices.FirstOrDefault(d => d.DeviceKey == entry.Placement.DeviceKey);
            result.Add(new WarmDevice(entry.Placement, device?.FreeSlots ?? 0));
        }

        return result;
    }

    /// <summary>Drops devices of silos that left, and merges what the view knows with what this grain learned first.</summary>
    private void Refresh()
    {
        var now = time.GetUtcNow();
        var members = membership.CurrentSnapshot;
        foreach (var (device, entry) in known.ToList())
        {
            var silo = entry.Placement.Silo;
            if (members.GetSiloStatus(silo) is not SiloStatus.Active)
            {
                known.Remove(device);
                continue;
            }

            // The view is the device's own word; once it had time to catch up, a device it does not list has dropped the model.
            var listed = view.TryGet(silo, out var residency) &&
                         residency.Snapshot.Devices.Any(d => d.DeviceKey == device && d.Models.Any(m => m.ModelId == modelId));
            if (!listed && now - entry.Since > ViewGrace) known.Remove(device);
        }

        foreach (var (silo, device, model) in view.Holders(modelId))
        {
            if (known.TryGetValue(device.DeviceKey, out var entry) && entry.Placement.State == ModelState.Warm) continue;
            known[device.DeviceKey] = new Known(new ModelPlacement(device.DeviceKey, silo.Silo, model.State), now);
        }
    }

    private readonly record struct Known(ModelPlacement Placement, DateTimeOffset Since);

    private sealed record WarmDevice(ModelPlacement Placement, int FreeSlots);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelId} loaded on {Device} (single-flight)")]
    private static partial void LogLoaded(ILogger logger, string modelId, string device);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Model {ModelId}: attempt {Attempt} found no device ({Reason}); retrying")]
    private static partial void LogRetry(ILogger logger, string modelId, int attempt, string reason);
}
