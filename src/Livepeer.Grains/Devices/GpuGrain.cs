using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Livepeer.Contracts;
using Livepeer.Grains.Placement;
using Livepeer.Pipelines;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Livepeer.Grains.Devices;

/// <summary>
/// One device: its memory budget, resident models (loading → warm → evicting), slots and ONNX sessions.
/// Reentrant so that loads and runs overlap; all bookkeeping happens between awaits on the grain's turn.
/// </summary>
[DevicePlacement, GrainType("livepeer-device"), Reentrant, CollectionAgeLimit(AlwaysActive = true)]
internal sealed partial class GpuGrain(
    LocalWorker worker, IModelLoader loader, ILocalSiloDetails localSilo, TimeProvider time, ILogger<GpuGrain> logger) : Grain, IGpuGrain
{
    private readonly Dictionary<string, ILoadedModel> sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> loads = new(StringComparer.Ordinal);
    private string key = "";
    private string kind = "";
    private ComputeDevice compute = null!;
    private DeviceModelTable table = null!;
    private SlotGate slots = null!;
    private InferenceThreads inference = null!;
    private long loadCount;
    private long evictionCount;
    private long jobsRun;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        key = this.GetPrimaryKeyString();
        if (!DeviceKey.TryParse(key, out var deviceKey) || deviceKey.WorkerId != worker.Id || !worker.Devices.TryGetValue(deviceKey.Index, out var options))
            throw new JobFailedException(JobErrorKind.NoWorker, $"Device {key} is not configured on worker '{worker.Id}'.");

        kind = options.Kind;
        compute = options.Compute;
        table = new DeviceModelTable(options.MemoryBytes, time);
        slots = new SlotGate(options.Slots);
        inference = worker.InferenceThreadsOf(options.Index);
        Publish();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // When the whole silo stops, its residency leaves the views with it; telling residency grains would only race the shutdown.
        var report = reason.ReasonCode != DeactivationReasonCode.ShuttingDown;
        foreach (var (modelId, session) in sessions)
        {
            session.Dispose();
            if (report) ReportEvicted(modelId);
        }

        sessions.Clear();
        worker.Forget(key);
        return Task.CompletedTask;
    }

    public Task<DeviceStatus> GetStatusAsync(CancellationToken cancellationToken) => Task.FromResult(Status());

    public async Task<bool> LoadModelAsync(string modelId, bool pinned, CancellationToken cancellationToken)
    {
        if (table.TryGet(modelId, out var resident))
        {
            if (pinned && !resident.Pinned) table.Pin(modelId);
            if (resident.State == ModelState.Loading) await loads[modelId].WaitAsync(cancellationToken);
            else if (resident.State == ModelState.Evicting) throw new JobFailedException(JobErrorKind.NoWorker, $"Model '{modelId}' is being evicted from {key}.");
            return false;
        }

        if (!worker.Models.TryGet(modelId, out var installed))
            throw new JobFailedException(JobErrorKind.NoWorker, $"Model '{modelId}' is not installed on worker '{worker.Id}'.");

        MakeRoom(modelId, installed.Manifest.MemoryBytes);
        table.BeginLoad(modelId, installed.Manifest.MemoryBytes, pinned);
        loadCount++;
        Publish();
        var load = LoadAsync(installed);
        loads[modelId] = load;

        // The caller may give up waiting; the load itself goes on for the other jobs that wait for it.
        await load.WaitAsync(cancellationToken);
        return true;
    }

    public async Task<JobResult> RunAsync(JobRequest job, CancellationToken cancellationToken)
    {
        var modelId = job.ModelId;
        if (!table.TryGet(modelId, out var resident) || resident.State == ModelState.Evicting)
            throw new JobFailedException(JobErrorKind.NoWorker, $"Model '{modelId}' is not resident on {key}.");
        var coldStart = false;
        if (resident.State == ModelState.Loading)
        {
            coldStart = true;
            await loads[modelId].WaitAsync(cancellationToken);

            // Between the load finishing and this turn, memory pressure may have evicted it again.
            if (!table.TryGet(modelId, out resident) || resident.State != ModelState.Warm)
                throw new JobFailedException(JobErrorKind.NoWorker, $"Model '{modelId}' is not resident on {key}.");
        }

        PipelineOutput output;
        var timeline = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        long started;
        table.JobStarted(modelId);
        try
        {
            await slots.WaitAsync(cancellationToken);
            timeline["slot_acquired_at"] = Timestamp();
            Publish();
            try
            {
                var session = sessions[modelId];
                var input = new PipelineInput(job.Parameters, job.Input) { Pipeline = job.Pipeline };
                started = Stopwatch.GetTimestamp();
                output = await GuardAsync(job, () => inference.RunAsync(() => session.Run(input, cancellationToken), cancellationToken));
                jobsRun++;
            }
            finally
            {
                timeline["slot_released_at"] = Timestamp();
                slots.Release();
            }
        }
        finally
        {
            table.JobEnded(modelId);
            Publish();
        }

        // The device is free for the next job; what is left (encoding video frames) needs only the CPU.
        if (output.Finish is not null)
        {
            output = await GuardAsync(job, () => output.CompleteAsync(cancellationToken));
            timeline["finished_at"] = Timestamp();
        }

        return new JobResult(
            [.. output.Artifacts.Select(a => new JobArtifact(a.Data, a.ContentType, a.Seed, a.Nsfw))],
            output.Metadata.ToImmutableDictionary().SetItems(timeline), output.Units,
            key, localSilo.SiloAddress, coldStart, Stopwatch.GetElapsedTime(started));
    }

    public Task<bool> EvictAsync(string modelId, CancellationToken cancellationToken)
    {
        if (!table.TryGet(modelId, out var resident) || !EvictionPlan.IsEvictable(resident))
            return Task.FromResult(false);
        Evict(modelId);
        Publish();
        return Task.FromResult(true);
    }

    private void MakeRoom(string modelId, long bytes)
    {
        var victims = table.PlanEvictions(bytes) ?? throw new JobFailedException(
            JobErrorKind.NoWorker,
            $"Model '{modelId}' needs {bytes} bytes; device {key} has {table.FreeBytes} of {table.BudgetBytes} free and nothing idle to evict.");
        foreach (var victim in victims)
            Evict(victim.ModelId);
    }

    private void Evict(string modelId)
    {
        table.BeginEvict(modelId);
        if (sessions.Remove(modelId, out var session)) session.Dispose();
        table.Remove(modelId);
        evictionCount++;
        LogEvicted(logger, modelId, key);
        ReportEvicted(modelId);
    }

    private async Task LoadAsync(InstalledModel installed)
    {
        var modelId = installed.Id;
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Creating a session takes seconds on a GPU: its own long-running thread, never a pool or inference thread.
            var loaded = await Task.Factory.StartNew(() =>
            {
                var model = loader.Load(installed, compute, CancellationToken.None);
                try
                {
                    model.WarmUp(CancellationToken.None);
                    return model;
                }
                catch
                {
                    model.Dispose();
                    throw;
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            sessions[modelId] = loaded;
            table.CompleteLoad(modelId);
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogWarm(logger, modelId, key, loaded.ExecutionProvider, milliseconds);
        }
        catch (Exception e)
        {
            table.Remove(modelId);
            LogLoadFailed(logger, e, modelId, key);
            throw new JobFailedException(JobErrorKind.ModelLoadFailed, $"Model '{modelId}' failed to load on {key}: {e.Message}");
        }
        finally
        {
            loads.Remove(modelId);
            Publish();
        }
    }

    /// <summary>Turns a pipeline's failure into the job error the caller sees: its input (400) or the worker (500, logged).</summary>
    private async Task<PipelineOutput> GuardAsync(JobRequest job, Func<Task<PipelineOutput>> work)
    {
        try
        {
            return await work();
        }
        catch (InvalidPipelineInputException e)
        {
            throw new JobFailedException(JobErrorKind.InvalidInput, e.Message);
        }
        catch (Exception e) when (e is not (OperationCanceledException or JobFailedException))
        {
            LogRunFailed(logger, e, job.JobId, job.ModelId, key);
            throw new JobFailedException(JobErrorKind.Internal, $"Model '{job.ModelId}' failed on {key}: {e.Message}");
        }
    }

    private string Timestamp() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private void ReportEvicted(string modelId) =>
        _ = GrainFactory.GetGrain<IModelResidencyGrain>(modelId).ReportEvictedAsync(key);

    private void Publish() => worker.Report(Status());

    private DeviceStatus Status() =>
        new(key, kind, table.BudgetBytes, table.ReservedBytes, slots.Slots, slots.Busy, table.Snapshot(), loadCount, evictionCount, jobsRun);
}
