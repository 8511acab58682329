using Livepeer.Contracts;
using Livepeer.ModelBuilder;
using Microsoft.Extensions.DependencyInjection;

namespace Livepeer.Gateway.Tests.Routing;

/// <summary>The silo serving a request dies mid-request; the request still succeeds on another orchestrator.</summary>
public sealed class FailoverTests : IAsyncLifetime
{
    private RoutingCluster cluster = null!;

    // Wide enough that a 256 px job runs for a while on this CPU, so the kill lands mid-request.
    public async Task InitializeAsync() =>
        cluster = await RoutingCluster.StartAsync(2, new TinyUpscalerSpec { Scale = 2, HiddenChannels = 24, HiddenLayers = 3 });

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task Dispatch_ServingWorkerKilledMidRequest_SucceedsOnTheOtherOrchestrator()
    {
        await cluster.OfferAsync(0, price: 10, capacity: 4, warm: true);
        await cluster.OfferAsync(1, price: 10, capacity: 4, warm: false);
        await cluster.RefreshAsync(2);
        var doomed = cluster.Cluster.Silos.Single(s => s.ServiceProvider.GetService<Livepeer.Grains.Devices.IWorkerSilo>()?.Id == "w0");

        var request = cluster.Dispatcher.DispatchAsync(RoutingJobs.Upscale(256), CancellationToken.None);
        await WaitUntilBusyAsync("w0/0", request);
        await cluster.Cluster.KillSiloAsync(doomed);
        var result = await request;

        Assert.Equal(RoutingCluster.Orchestrator(1), RoutingJobs.OrchestratorOf(result));
        Assert.Equal(256 * 256, result.Units);
    }

    private async Task WaitUntilBusyAsync(string device, Task<JobResult> request)
    {
        for (var attempt = 0; attempt < 2000; attempt++)
        {
            if ((await cluster.Grains.GetGrain<IGpuGrain>(device).GetStatusAsync()).BusySlots > 0) return;
            Assert.False(request.IsCompleted, "the job ended before the worker could be killed mid-request");
            await Task.Delay(5);
        }

        throw new TimeoutException($"{device} never started the job.");
    }
}
