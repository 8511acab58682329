using Livepeer.Testing;
using Livepeer.Client.Cluster;
using Orleans.Runtime.Messaging;

namespace Livepeer.Client.Tests;

/// <summary>The cluster helper's argument checks and its failure when no silo answers; connected use is tested with the host.</summary>
public sealed class LivepeerClusterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task ConnectLocalhost_BadPort_Throws(int port)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => LivepeerCluster.ConnectLocalhostAsync(port));
    }

    [Theory]
    [InlineData("", "livepeer", "c")]
    [InlineData("Host=x", "", "c")]
    [InlineData("Host=x", "livepeer", " ")]
    public async Task ConnectPostgres_MissingArgument_Throws(string connectionString, string serviceId, string clusterId)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => LivepeerCluster.ConnectPostgresAsync(connectionString, serviceId, clusterId));
    }

    [Fact]
    public async Task ConnectLocalhost_NoSilo_GivesUpWithConnectionFailed()
    {
        // Bounded by the helper's own retry filter (about 10 s), not by a token: without it Orleans retries for minutes.
        var error = await Assert.ThrowsAsync<ConnectionFailedException>(() => LivepeerCluster.ConnectLocalhostAsync(FreeTcpPort.Next()));

        Assert.Contains("gateways", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectLocalhost_Cancelled_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LivepeerCluster.ConnectLocalhostAsync(FreeTcpPort.Next(), cancellationToken: cancellation.Token));
    }
}
