using Microsoft.Extensions.Logging;
using Orleans.Runtime.Services;

namespace Livepeer.Grains.Residency;

/// <summary>
/// Runs on every silo: applies snapshots pushed by worker silos to the local <see cref="ClusterResidencyView"/>, and
/// drops silos from it as soon as membership says they are stopping or dead.
/// </summary>
internal sealed partial class ResidencyViewService(
    GrainId grainId, Silo silo, ILoggerFactory loggerFactory, ClusterResidencyView view, IClusterMembershipService membership)
    : GrainService(grainId, silo, loggerFactory), IResidencyViewService
{
    private readonly ILogger logger = loggerFactory.CreateLogger<ResidencyViewService>();

    public Task ApplyAsync(SiloResidencySnapshot snapshot)
    {
        view.Apply(snapshot);
        return Task.CompletedTask;
    }

    public override async Task Start()
    {
        await base.Start();
        _ = Task.Run(() => WatchMembershipAsync(StoppedCancellationTokenSource.Token), CancellationToken.None);
    }

    private async Task WatchMembershipAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(cancellationToken))
            {
                foreach (var member in snapshot.Members.Values)
                {
                    if (member.Status is SiloStatus.ShuttingDown or SiloStatus.Stopping or SiloStatus.Dead && view.TryGet(member.SiloAddress, out _))
                    {
                        view.RemoveSilo(member.SiloAddress);
                        LogSiloDropped(logger, member.SiloAddress, member.Status);
                    }
                    else if (member.Status is SiloStatus.Dead)
                    {
                        view.RemoveSilo(member.SiloAddress);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Silo stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Residency view dropped silo {Silo} ({Status})")]
    private static partial void LogSiloDropped(ILogger logger, SiloAddress silo, SiloStatus status);
}
