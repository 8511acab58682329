using Livepeer.Contracts;
using Livepeer.Grains.Residency;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livepeer.Grains.Orchestration;

/// <summary>
/// On orchestrator silos: configures the orchestrator grain from <c>aiModels.json</c> at start, then keeps its warm
/// models warm — loaded (pinned) at boot, and loaded again on another worker when the silo holding them dies.
/// </summary>
internal sealed partial class OrchestratorStartup(
    IOptions<OrchestratorOptions> options,
    IGrainFactory grains,
    ClusterResidencyView view,
    ILogger<OrchestratorStartup> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task keepWarm = Task.CompletedTask;

    public void Dispose() => stopping.Dispose();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OrchestratorStartup), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        EthereumAddress.TryNormalize(options.Value.Address, out var address);
        var models = AiModelsFile.Load(options.Value.AiModelsPath);
        await grains.GetGrain<IOrchestratorGrain>(address!).ConfigureAsync(new OrchestratorConfiguration(address!, models), cancellationToken);

        // Winning tickets left unredeemed by a stopped or crashed silo resume now rather than at the next reminder tick.
        var redemption = await grains.GetGrain<IRedemptionGrain>(address!).GetStatusAsync(cancellationToken);
        if (redemption.Pending.Length > 0) LogRedemptionResumed(logger, redemption.Pending.Length, redemption.Configured);

        var warm = models.Where(m => m.Warm).Select(m => m.ModelId).Distinct(StringComparer.Ordinal).ToList();
        if (warm.Count > 0)
            keepWarm = Task.Run(() => KeepWarmLoopAsync(address!, warm, stopping.Token), CancellationToken.None);
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await keepWarm.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task KeepWarmLoopAsync(string address, List<string> models, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.KeepWarmInterval);
        do
        {
            foreach (var modelId in models)
            {
                if (IsPinnedWarm(modelId, address) || !view.HasWorkerFor(modelId, address)) continue;
                try
                {
                    var assignment = await grains.GetGrain<IModelResidencyGrain>(modelId)
                        .AcquireDeviceAsync(new DeviceRequest(address, PreferredSilo: null, Pin: true), cancellationToken);
                    LogKeptWarm(logger, modelId, assignment.DeviceKey);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogKeepWarmFailed(logger, e, modelId);
                }
            }
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    private bool IsPinnedWarm(string modelId, string address) =>
        view.Holders(modelId).Any(h => h.Silo.Serves(address) && (h.Model.State == ModelState.Loading || h.Model.Pinned));

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} winning tickets wait for redemption (redemption configured: {Configured})")]
    private static partial void LogRedemptionResumed(ILogger logger, int count, bool configured);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm model {ModelId} is resident on {Device}")]
    private static partial void LogKeptWarm(ILogger logger, string modelId, string device);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not make model {ModelId} warm; retrying")]
    private static partial void LogKeepWarmFailed(ILogger logger, Exception exception, string modelId);
}
