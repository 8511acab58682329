using Livepeer.Contracts;
using Livepeer.Gateway.Hosting;
using Livepeer.Gateway.Http;
using Livepeer.ModelBuilder;
using Livepeer.Pipelines;

namespace Livepeer.Gateway.Tests.Routing;

/// <summary>Three orchestrators with their own workers: price limits, warm-first, spill-over, spread, and who gets blamed.</summary>
public sealed class SelectionTests : IAsyncLifetime
{
    private RoutingCluster cluster = null!;

    public async Task InitializeAsync() =>
        cluster = await RoutingCluster.StartAsync(3, new TinyUpscalerSpec { Scale = 2, HiddenChannels = 8, HiddenLayers = 1 }, new AiGatewayOptions { MaxAttempts = 4, MaxPricePerUnit = 100 });

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task Dispatch_OneOfferAboveMaxPrice_NeverUsed()
    {
        await cluster.OfferAsync(0, price: 10, capacity: 8, warm: true);
        await cluster.OfferAsync(1, price: 100, capacity: 8, warm: true);
        await cluster.OfferAsync(2, price: 101, capacity: 8, warm: true);
        await cluster.RefreshAsync(3);

        var served = await RunAsync(60, concurrency: 6);

        Assert.DoesNotContain(RoutingCluster.Orchestrator(2), served.Keys);
        Assert.Equal(60, served.Values.Sum());
    }

    [Fact]
    public async Task Dispatch_EveryOfferAboveMaxPrice_503NamingThePrice()
    {
        await cluster.OfferAsync(0, price: 500, capacity: 8, warm: true);
        await cluster.OfferAsync(1, price: 600, capacity: 8, warm: false);
        await cluster.OfferAsync(2, price: 700, capacity: 8, warm: false);
        await cluster.RefreshAsync(3);

        var error = await Assert.ThrowsAsync<ApiProblemException>(() => cluster.Dispatcher.DispatchAsync(RoutingJobs.Upscale(), CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
        Assert.Contains("above this gateway's max price", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_WarmAndColdOffers_WarmPreferredWhileItHasCapacity()
    {
        await cluster.OfferAsync(0, price: 50, capacity: 8, warm: false);
        await cluster.OfferAsync(1, price: 50, capacity: 8, warm: true);
        await cluster.OfferAsync(2, price: 10, capacity: 8, warm: false);
        await cluster.RefreshAsync(3);

        var served = await RunAsync(30, concurrency: 1);

        Assert.Equal(30, Assert.Single(served, s => s.Key == RoutingCluster.Orchestrator(1)).Value);
    }

    [Fact]
    public async Task Dispatch_WarmSaturated_SpillsOverToCold()
    {
        await cluster.OfferAsync(0, price: 50, capacity: 1, warm: true);
        await cluster.OfferAsync(1, price: 50, capacity: 8, warm: false);
        await cluster.OfferAsync(2, price: 50, capacity: 8, warm: false);
        await cluster.RefreshAsync(3);

        // Six at once against a warm capacity of one: the cold pool must take the rest instead of starving.
        var served = await RunAsync(24, concurrency: 6, size: 96);

        Assert.True(served.GetValueOrDefault(RoutingCluster.Orchestrator(0)) > 0, "the warm orchestrator is used");
        Assert.True(served.Where(s => s.Key != RoutingCluster.Orchestrator(0)).Sum(s => s.Value) > 0, "the cold ones take the overflow");
        Assert.Equal(24, served.Values.Sum());
    }

    [Fact]
    public async Task Dispatch_ThreeEqualOffers_NoneAbove60Percent()
    {
        for (var i = 0; i < 3; i++) await cluster.OfferAsync(i, price: 50, capacity: 8, warm: true);
        await cluster.RefreshAsync(3);

        var served = await RunAsync(300, concurrency: 6);

        Assert.Equal(3, served.Count);
        Assert.All(served.Values, count => Assert.InRange(count, 1, 180));
    }

    [Fact]
    public async Task Dispatch_ClientErrors_400AndNobodySuspended()
    {
        for (var i = 0; i < 3; i++) await cluster.OfferAsync(i, price: 50, capacity: 8, warm: true);
        await cluster.RefreshAsync(3);

        for (var i = 0; i < 3 * cluster.Options.SuspendAfterFailures; i++)
        {
            var error = await Assert.ThrowsAsync<ApiProblemException>(() => cluster.Dispatcher.DispatchAsync(RoutingJobs.Broken(), CancellationToken.None));
            Assert.Equal(400, error.StatusCode);
        }

        for (var i = 0; i < 3; i++) Assert.False(cluster.Book.IsSuspended(RoutingCluster.Orchestrator(i)));
        var served = await RunAsync(60, concurrency: 6);
        Assert.Equal(3, served.Count);
    }

    [Fact]
    public async Task Dispatch_OrchestratorWithNoWorkerForTheModel_503AndNotSuspended()
    {
        // What a gateway sees while an orchestrator's only worker is being replaced: "no worker", an honest answer.
        const string missing = "route/not-installed";
        await cluster.Grains.GetGrain<IOrchestratorGrain>(RoutingCluster.Orchestrator(0)).ConfigureAsync(new OrchestratorConfiguration(
            RoutingCluster.Orchestrator(0), [new ModelCapability(PipelineNames.Upscale, missing, false, 8, 0m, 1, "wei", "default")]));
        for (var attempt = 0; attempt < 200 && cluster.Routes.Current.OffersFor(PipelineNames.Upscale, missing).Length == 0; attempt++)
        {
            await cluster.Refresher.RefreshAsync(CancellationToken.None);
            await Task.Delay(25);
        }

        for (var i = 0; i < 3 * cluster.Options.SuspendAfterFailures; i++)
        {
            var error = await Assert.ThrowsAsync<ApiProblemException>(() => cluster.Dispatcher.DispatchAsync(RoutingJobs.Upscale() with { ModelId = missing }, CancellationToken.None));
            Assert.Equal(503, error.StatusCode);
            Assert.Contains("no worker", error.Message, StringComparison.OrdinalIgnoreCase);
        }

        Assert.False(cluster.Book.IsSuspended(RoutingCluster.Orchestrator(0)));
    }

    private async Task<Dictionary<string, int>> RunAsync(int jobs, int concurrency, int size = 8)
    {
        var served = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var done = 0; done < jobs; done += concurrency)
        {
            var wave = await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, jobs - done))
                .Select(_ => cluster.Dispatcher.DispatchAsync(RoutingJobs.Upscale(size), CancellationToken.None)));
            foreach (var result in wave)
            {
                var orchestrator = RoutingJobs.OrchestratorOf(result);
                served[orchestrator] = served.GetValueOrDefault(orchestrator) + 1;
            }
        }

        return served;
    }
}
