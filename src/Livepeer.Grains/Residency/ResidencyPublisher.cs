using Livepeer.Contracts;
using Livepeer.Grains.Devices;
using Microsoft.Extensions.Logging;

namespace Livepeer.Grains.Residency;

/// <summary>
/// On worker silos: registers the configured devices at start, then pushes this silo's residency snapshot to every
/// silo whenever a device changes (coalesced) and at least once per heartbeat, so joining silos learn it quickly.
/// </summary>
internal sealed partial class ResidencyPublisher(
    LocalWorker worker,
    ClusterResidencyView view,
    ResidencyViewClient viewClient,
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IGrainFactory grains,
    ILogger<ResidencyPublisher> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    /// <summary>Longest time between two snapshots of an unchanged silo.</summary>
    internal static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    /// <summary>Shortest time between two remote pushes; changes in between are merged into one snapshot.</summary>
    internal static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(10);

    private readonly CancellationTokenSource stopping = new();
    private Task loops = Task.CompletedTask;
    private long sequence;

    public void Dispose() => stopping.Dispose();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ResidencyPublisher), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var key in worker.DeviceKeys)
        {
            var status = await grains.GetGrain<IGpuGrain>(key).GetStatusAsync(cancellationToken);
            LogDeviceRegistered(logger, key, status.Kind, status.MemoryBudgetBytes / (1024 * 1024), status.Slots);
        }

        PublishLocal();
        loops = Task.WhenAll(
            Task.Run(() => PublishLoopAsync(stopping.Token), CancellationToken.None),
            Task.Run(() => WatchMembershipAsync(stopping.Token), CancellationToken.None));
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await loops.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task PublishLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await worker.WaitForChangeAsync(Heartbeat, cancellationToken);
                var snapshot = PublishLocal();
                foreach (var member in membership.CurrentSnapshot.Members.Values)
                {
                    if (member.Status == SiloStatus.Active && !member.SiloAddress.Equals(snapshot.Silo))
                        _ = viewClient.For(member.SiloAddress).ApplyAsync(snapshot);
                }

                await Task.Delay(Coalesce, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPublishFailed(logger, e);
            }
        }
    }

    private async Task WatchMembershipAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A silo that joins gets our snapshot right away instead of at the next heartbeat.
            await foreach (var _ in membership.MembershipUpdates.WithCancellation(cancellationToken))
                worker.Signal();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private SiloResidencySnapshot PublishLocal()
    {
        var snapshot = new SiloResidencySnapshot(
            localSilo.SiloAddress, worker.Id, Interlocked.Increment(ref sequence), worker.Orchestrators,
            worker.InstalledModels, worker.Statuses);
        view.Apply(snapshot);
        return snapshot;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Device {Device} registered: {Kind}, {MemoryMb} MiB, {Slots} slots")]
    private static partial void LogDeviceRegistered(ILogger logger, string device, string kind, long memoryMb, int slots);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing residency failed; retrying at the next change")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
