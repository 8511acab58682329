using Livepeer.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Livepeer.Storage.Tests;

/// <summary>Two real silos and an external client meeting through the PostgreSQL membership table.</summary>
[Collection(PostgresServer.CollectionName)]
public sealed class ClusteringTests(PostgresServer server)
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_silos_form_one_cluster_a_client_finds_them_and_a_stopped_silo_is_marked_dead()
    {
        var cs = await server.CreateDatabaseAsync("cluster_two");
        await PostgresSchema.EnsureCreatedAsync(cs);
        var clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];

        await using var first = await TestSilo.StartAsync(cs, clusterId, "silo-a");
        await using var second = await TestSilo.StartAsync(cs, clusterId, "silo-b");
        var management = first.Grains.GetGrain<IManagementGrain>(0);

        await Wait.UntilAsync(async () => (await management.GetHosts(onlyActive: true)).Count == 2, Settle, "both silos active");
        var rows = await Db.RowsAsync(cs,
            "SELECT siloname, status, port, proxyport FROM orleansmembershiptable WHERE deploymentid = $1 ORDER BY siloname", clusterId);
        Assert.Equal(["silo-a", "silo-b"], rows.Select(r => (string)r[0]!));
        Assert.All(rows, r => Assert.Equal((int)SiloStatus.Active, r[1]));
        Assert.Equal([first.SiloPort, second.SiloPort], rows.Select(r => (int)r[2]!));
        Assert.Equal([first.GatewayPort, second.GatewayPort], rows.Select(r => (int)r[3]!));
        Assert.True(await Db.ScalarAsync<int>(cs, "SELECT version FROM orleansmembershipversiontable WHERE deploymentid = $1", clusterId) >= 2);

        // An external client knows only the database: the gateways come from the membership table.
        using (var clientHost = await TestSilo.StartClientAsync(cs, clusterId))
        {
            var client = clientHost.Services.GetRequiredService<IClusterClient>();
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            Assert.Equal(new HashSet<SiloAddress> { first.Address, second.Address }, hosts.Keys.ToHashSet());
            Assert.Equal(1, await client.GetGrain<ICounterGrain>("via-client").Increment());
            await clientHost.StopAsync();
        }

        await second.StopAsync();

        Assert.Equal((int)SiloStatus.Dead, await Db.ScalarAsync<int>(cs,
            "SELECT status FROM orleansmembershiptable WHERE deploymentid = $1 AND siloname = 'silo-b'", clusterId));
        Assert.Equal((int)SiloStatus.Active, await Db.ScalarAsync<int>(cs,
            "SELECT status FROM orleansmembershiptable WHERE deploymentid = $1 AND siloname = 'silo-a'", clusterId));
        await Wait.UntilAsync(async () => (await management.GetHosts(onlyActive: true)).Count == 1, Settle, "only the first silo active");
        Assert.Equal(2, await first.Grains.GetGrain<ICounterGrain>("via-client").Increment());
    }
}
