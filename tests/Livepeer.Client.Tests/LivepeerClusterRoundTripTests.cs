using System.Collections.Immutable;
using Livepeer.Client.Cluster;
using Livepeer.Contracts;
using Microsoft.Extensions.Hosting;

namespace Livepeer.Client.Tests;

/// <summary>The cluster helper against a real one-silo localhost cluster hosting <see cref="EchoOrchestratorGrain"/>.</summary>
public sealed class LivepeerClusterRoundTripTests
{
    private const string Address = "0x5F0E3bD1A3c6F1d1A4c3D8b7E2f0A9C8b7D6e5F4";

    [Fact]
    public async Task Submit_MixedCaseAddress_ReachesTheLowerCaseGrainAndReturnsItsResult()
    {
        var (siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next());
        using var silo = await StartSiloAsync(siloPort, gatewayPort);
        await using var cluster = await LivepeerCluster.ConnectLocalhostAsync(gatewayPort, "livepeer", "client-tests");

        var result = await cluster.SubmitAsync(Address, Job("upscale"));

        Assert.Equal(Address.ToLowerInvariant(), result.Metadata["orchestrator"]);
        Assert.Equal("job-1", result.Metadata["job"]);
        Assert.Equal(TestMedia.Png, result.Output);
        await silo.StopAsync();
    }

    [Fact]
    public async Task Submit_JobFails_ThrowsJobFailedExceptionWithItsKind()
    {
        var (siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next());
        using var silo = await StartSiloAsync(siloPort, gatewayPort);
        await using var cluster = await LivepeerCluster.ConnectLocalhostAsync(gatewayPort, "livepeer", "client-tests");

        var error = await Assert.ThrowsAsync<JobFailedException>(() => cluster.SubmitAsync(Address, Job("fail")));

        Assert.Equal(JobErrorKind.InvalidInput, error.Kind);
        Assert.Equal("bad input", error.Message);
        await silo.StopAsync();
    }

    private static JobRequest Job(string pipeline) =>
        new("job-1", pipeline, "livepeer/tiny-upscaler-x2", ImmutableDictionary<string, string>.Empty, TestMedia.Png);

    private static async Task<IHost> StartSiloAsync(int siloPort, int gatewayPort)
    {
        var host = new HostBuilder()
            .UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "livepeer", clusterId: "client-tests"))
            .Build();
        await host.StartAsync();
        return host;
    }
}
