using Livepeer.Contracts;
using Livepeer.Gateway.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livepeer.Gateway.Routing;

/// <summary>
/// Discovers orchestrators and refreshes their offers in the background, so the request path never waits for
/// discovery (go-livepeer runs it synchronously under a global lock). An orchestrator that does not answer keeps its
/// last offers for a few rounds; one without any worker silo offers nothing.
/// </summary>
internal sealed partial class RouteRefresher(
    IGrainFactory grains,
    RouteTableHolder routes,
    OrchestratorBook book,
    IOptions<AiGatewayOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<RouteRefresher> logger) : BackgroundService
{
    private const int MissedRoundsKept = 3;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, (IReadOnlyList<OrchestratorOffer> Offers, int Missed)> lastSeen = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The silo is a hosted service of its own and may stop before this one: stop with the application, not after it.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        var token = stopping.Token;

        // Grain calls work once the whole host, silo included, has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (token.Register(() => started.TrySetCanceled(token)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        while (!token.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(token);
                await Task.Delay(options.Value.DiscoveryInterval, time, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                LogRefreshFailed(logger, e);
                await Task.Delay(options.Value.DiscoveryInterval, time, token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception)
            {
                // Failed because the silo went away during shutdown: nothing to report.
                return;
            }
        }
    }

    /// <summary>One discovery round; public to the assembly so tests can force a refresh.</summary>
    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var addresses = await grains.GetGrain<IOrchestratorRegistryGrain>(0).GetOrchestratorsAsync(cancellationToken);
        var answers = await Task.WhenAll(addresses.Select(a => AskAsync(a, cancellationToken)));
        foreach (var (address, info) in addresses.Zip(answers))
        {
            if (info is not null)
            {
                lastSeen[address] = (Offers(info), 0);
            }
            else if (lastSeen.TryGetValue(address, out var seen))
            {
                if (seen.Missed + 1 >= MissedRoundsKept) lastSeen.Remove(address);
                else lastSeen[address] = (seen.Offers, seen.Missed + 1);
            }
        }

        foreach (var gone in lastSeen.Keys.Except(addresses, StringComparer.Ordinal).ToList())
            lastSeen.Remove(gone);
        routes.Replace(new RouteTable(lastSeen.Values.SelectMany(s => s.Offers), time.GetUtcNow()));
    }

    private IReadOnlyList<OrchestratorOffer> Offers(OrchestratorInfo info)
    {
        if (info.WorkerSilos.IsDefaultOrEmpty) return [];
        var own = book.InFlight(info.Address);
        return
        [
            .. info.Capabilities
                .Where(c => c.Capability.Gateway == "default")
                .Select(c => new OrchestratorOffer(
                    info.Address, c.Capability, c.Capability.Warm || info.WarmModels.Contains(c.Capability.ModelId), c.InUse, own)),
        ];
    }

    private async Task<OrchestratorInfo?> AskAsync(string address, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AskTimeout);
        try
        {
            return await grains.GetGrain<IOrchestratorGrain>(address).GetInfoAsync(timeout.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogOrchestratorSilent(logger, address, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route refresh failed; keeping the previous routes")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Orchestrator {Address} did not answer discovery: {Reason}")]
    private static partial void LogOrchestratorSilent(ILogger logger, string address, string reason);
}
