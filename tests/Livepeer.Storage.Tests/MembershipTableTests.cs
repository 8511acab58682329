using System.Net;
using Livepeer.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace Livepeer.Storage.Tests;

/// <summary>
/// Drives Orleans' own ADO.NET membership table class against our queries, checking the
/// extended membership protocol's conditional writes one by one (no silo involved).
/// </summary>
[Collection(PostgresServer.CollectionName)]
public sealed class MembershipTableTests(PostgresServer server)
{
    private const string ClusterId = "membership-contract";

    private static AdoNetClusteringTable NewTable(string cs)
        => new(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = ClusterId, ServiceId = "svc" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", ConnectionString = cs }),
            NullLogger<AdoNetClusteringTable>.Instance);

    private static MembershipEntry Entry(int port, SiloStatus status, DateTime? aliveAt = null)
    {
        var now = DateTime.UtcNow;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 1234),
            SiloName = $"silo-{port}",
            HostName = "test-host",
            Status = status,
            ProxyPort = port + 1000,
            StartTime = now.AddSeconds(-5),
            IAmAliveTime = aliveAt ?? now,
        };
    }

    private async Task<(string Cs, AdoNetClusteringTable Table)> FreshAsync(string prefix)
    {
        var cs = await server.CreateDatabaseAsync(prefix);
        await PostgresSchema.EnsureCreatedAsync(cs);
        var table = NewTable(cs);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return (cs, table);
    }

    [Fact]
    public async Task Version_row_is_created_once_and_reads_work_on_an_empty_cluster()
    {
        var (cs, table) = await FreshAsync("members_init");
        await NewTable(cs).InitializeMembershipTableAsync(tryInitTableVersion: true); // a second silo starting

        var all = await table.ReadAllAsync();
        Assert.Equal(0, all.Version.Version);
        Assert.Equal("0", all.Version.VersionEtag);
        Assert.Empty(all.Members);

        var one = await table.ReadRowAsync(Entry(1, SiloStatus.Active).SiloAddress);
        Assert.Equal(0, one.Version.Version);
        Assert.Empty(one.Members);
        Assert.Equal(1L, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM orleansmembershipversiontable"));
    }

    [Fact]
    public async Task Insert_succeeds_only_against_the_current_version_and_only_once()
    {
        var (cs, table) = await FreshAsync("members_insert");
        var v0 = (await table.ReadAllAsync()).Version;
        var first = Entry(11000, SiloStatus.Joining);

        Assert.True(await table.InsertRowAsync(first, v0.Next()));
        var v1 = (await table.ReadAllAsync()).Version;
        Assert.Equal(1, v1.Version);

        // Stale version: refused, nothing written, version unchanged.
        Assert.False(await table.InsertRowAsync(Entry(12000, SiloStatus.Joining), v0.Next()));
        // Same incarnation again: refused and, again, the version does not move.
        Assert.False(await table.InsertRowAsync(first, v1.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(1, after.Version.Version);
        var (entry, _) = Assert.Single(after.Members);
        Assert.Equal(first.SiloAddress, entry.SiloAddress);
        Assert.Equal(first.SiloName, entry.SiloName);
        Assert.Equal(first.HostName, entry.HostName);
        Assert.Equal(SiloStatus.Joining, entry.Status);
        Assert.Equal(first.ProxyPort, entry.ProxyPort);
        Assert.Equal(first.StartTime, entry.StartTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal(DateTimeKind.Utc, entry.StartTime.Kind);
        Assert.Equal(1L, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM orleansmembershiptable"));
    }

    [Fact]
    public async Task Concurrent_inserts_against_one_version_let_exactly_one_win()
    {
        var (cs, table) = await FreshAsync("members_race");
        var v0 = (await table.ReadAllAsync()).Version;

        // Each contender is its own table instance (its own silo), all holding the same version.
        var contenders = new List<AdoNetClusteringTable>();
        for (var i = 0; i < 6; i++)
        {
            var contender = NewTable(cs);
            await contender.InitializeMembershipTableAsync(tryInitTableVersion: false);
            contenders.Add(contender);
        }

        var results = await Task.WhenAll(contenders.Select((c, i) => Task.Run(() => c.InsertRowAsync(Entry(20000 + i, SiloStatus.Joining), v0.Next()))));

        Assert.Single(results, r => r);
        var after = await table.ReadAllAsync();
        Assert.Equal(1, after.Version.Version);
        Assert.Single(after.Members);
    }

    [Fact]
    public async Task Update_succeeds_only_against_the_current_version_and_keeps_suspicions()
    {
        var (_, table) = await FreshAsync("members_update");
        var silo = Entry(13000, SiloStatus.Joining);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));

        var read = await table.ReadAllAsync();
        var (current, etag) = read.Members[0];
        current.Status = SiloStatus.Active;
        var suspecter = SiloAddress.New(IPAddress.Parse("10.1.2.3"), 14000, 99);
        var suspectedAt = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);
        current.SuspectTimes = [Tuple.Create(suspecter, suspectedAt)];
        Assert.True(await table.UpdateRowAsync(current, etag, read.Version.Next()));

        // The same (now stale) version again: refused.
        current.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(current, etag, read.Version.Next()));

        // A silo that has no row: refused without moving the version.
        var latest = await table.ReadAllAsync();
        Assert.False(await table.UpdateRowAsync(Entry(15000, SiloStatus.Active), string.Empty, latest.Version.Next()));

        var final = await table.ReadAllAsync();
        Assert.Equal(2, final.Version.Version);
        var stored = final.Members.Single().Item1;
        Assert.Equal(SiloStatus.Active, stored.Status);
        var suspicion = Assert.Single(stored.SuspectTimes!);
        Assert.Equal(suspecter, suspicion.Item1);
        Assert.Equal(suspectedAt, suspicion.Item2);
    }

    [Fact]
    public async Task Heartbeats_do_not_move_the_version()
    {
        var (_, table) = await FreshAsync("members_alive");
        var silo = Entry(16000, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));
        var before = await table.ReadAllAsync();

        silo.IAmAliveTime = DateTime.UtcNow.AddSeconds(30);
        await table.UpdateIAmAliveAsync(silo);

        var row = await table.ReadRowAsync(silo.SiloAddress);
        Assert.Equal(before.Version, row.Version);
        Assert.Equal(silo.IAmAliveTime, row.Members.Single().Item1.IAmAliveTime, TimeSpan.FromMilliseconds(1));

        // An update prepared before the heartbeat still applies.
        var (entry, etag) = before.Members.Single();
        entry.Status = SiloStatus.ShuttingDown;
        Assert.True(await table.UpdateRowAsync(entry, etag, before.Version.Next()));
    }

    [Fact]
    public async Task Gateways_are_the_active_silos_with_a_proxy_port()
    {
        var (cs, table) = await FreshAsync("members_gateways");
        var active = Entry(17000, SiloStatus.Active);
        var joining = Entry(17100, SiloStatus.Joining);
        var noGateway = Entry(17200, SiloStatus.Active);
        noGateway.ProxyPort = 0;
        foreach (var e in new[] { active, joining, noGateway })
        {
            Assert.True(await table.InsertRowAsync(e, (await table.ReadAllAsync()).Version.Next()));
        }

        var provider = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = "Npgsql", ConnectionString = cs }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = ClusterId, ServiceId = "svc" }));
        await provider.InitializeGatewayListProviderAsync();

        var gateways = await provider.GetGatewaysAsync();
        var gateway = Assert.Single(gateways);
        Assert.Equal(SiloAddress.New(IPAddress.Loopback, active.ProxyPort, active.SiloAddress.Generation).ToGatewayUri(), gateway);
    }

    [Fact]
    public async Task Cleanup_removes_only_dead_silos_older_than_the_cutoff()
    {
        var (_, table) = await FreshAsync("members_cleanup");
        var old = DateTime.UtcNow.AddHours(-2);
        var deadOld = Entry(18000, SiloStatus.Dead, old);
        var deadRecent = Entry(18100, SiloStatus.Dead);
        var activeOld = Entry(18200, SiloStatus.Active, old);
        foreach (var e in new[] { deadOld, deadRecent, activeOld })
        {
            Assert.True(await table.InsertRowAsync(e, (await table.ReadAllAsync()).Version.Next()));
        }

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(-1));

        var left = (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal(new HashSet<SiloAddress> { deadRecent.SiloAddress, activeOld.SiloAddress }, left);
    }

    [Fact]
    public async Task Deleting_the_cluster_removes_version_and_rows_and_it_can_start_over()
    {
        var (cs, table) = await FreshAsync("members_delete");
        Assert.True(await table.InsertRowAsync(Entry(19000, SiloStatus.Active), (await table.ReadAllAsync()).Version.Next()));

        await table.DeleteMembershipTableEntriesAsync(ClusterId);
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM orleansmembershiptable"));
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM orleansmembershipversiontable"));

        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        var fresh = await table.ReadAllAsync();
        Assert.Equal(0, fresh.Version.Version);
        Assert.Empty(fresh.Members);
    }
}
