using Livepeer.Contracts;

namespace Livepeer.Grains.Tests.Cluster;

[Collection(PlacementCollection.Name)]
public sealed class WarmModelPlacementTests(PlacementClusterFixture fixture)
{
    [Fact]
    public async Task Jobs_ModelWarmOnOneWorker_AllRunThereAndNoneOnTheNonWorkerSilo()
    {
        var warmSilo = TestClusters.SiloOfWorker(fixture.Cluster, "w1").SiloAddress;
        var nonWorker = fixture.Cluster.Silos[0].SiloAddress;
        var results = new List<JobResult>();

        for (var wave = 0; wave < 10; wave++)
            results.AddRange(await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => TestClusters.SubmitAsync(fixture.Grains, "model-a"))));

        Assert.Equal(100, results.Count);
        Assert.All(results, r => Assert.Equal(warmSilo, r.JobSilo));
        Assert.All(results, r => Assert.Equal(warmSilo, r.Silo));
        Assert.DoesNotContain(results, r => nonWorker.Equals(r.JobSilo) || nonWorker.Equals(r.Silo));
        Assert.All(results, r => Assert.False(r.ColdStart));
    }

    [Fact]
    public async Task Jobs_ModelWarmOnBothWorkers_NeitherTakesMoreThan70Percent()
    {
        await fixture.Grains.GetGrain<IGpuGrain>("w1/0").LoadModelAsync("model-b", pinned: true);
        await Eventually.TrueAsync(
            () => fixture.Cluster.Silos.All(s => TestClusters.View(fixture.Cluster, s).Holders("model-b").Count(h => h.Model.State == ModelState.Warm) == 2),
            TimeSpan.FromSeconds(10), "model-b warm on both workers in every view");
        var results = new List<JobResult>();

        // Jobs large enough that device time, not the in-process messaging, decides how long each silo holds them.
        for (var wave = 0; wave < 25; wave++)
            results.AddRange(await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => TestClusters.SubmitAsync(fixture.Grains, "model-b", size: 48))));

        var perSilo = results.GroupBy(r => r.JobSilo!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, perSilo.Count);
        Assert.All(perSilo.Values, count => Assert.InRange(count, 60, 140));
        Assert.All(results, r => Assert.Equal(r.JobSilo, r.Silo));
    }

    [Fact]
    public async Task SubmitJob_ModelNotOffered_FailsWithNotOffered()
    {
        var error = await Assert.ThrowsAsync<JobFailedException>(() => TestClusters.SubmitAsync(fixture.Grains, "model-unknown"));

        Assert.Equal(JobErrorKind.NotOffered, error.Kind);
    }

    [Fact]
    public async Task SubmitJob_BadShape_FailsAsInvalidInputAndReleasesCapacity()
    {
        var job = TestClusters.Job("model-a") with { Parameters = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("shape", "1,3,9,9") };

        var error = await Assert.ThrowsAsync<JobFailedException>(() => fixture.Grains.GetGrain<IOrchestratorGrain>(TestClusters.Orchestrator).SubmitJobAsync(job));

        Assert.Equal(JobErrorKind.InvalidInput, error.Kind);
        var info = await fixture.Grains.GetGrain<IOrchestratorGrain>(TestClusters.Orchestrator).GetInfoAsync();
        Assert.All(info.Capabilities, c => Assert.Equal(0, c.InUse));
    }
}
