using Livepeer.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Livepeer.Storage.Tests;

/// <summary>Durable reminders through real silos, and the reminder table's etag and ring-range rules.</summary>
[Collection(PostgresServer.CollectionName)]
public sealed class ReminderTests(PostgresServer server)
{
    private static readonly TimeSpan TickTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_reminder_survives_a_silo_restart_and_keeps_firing()
    {
        var cs = await server.CreateDatabaseAsync("reminders_restart");
        await PostgresSchema.EnsureCreatedAsync(cs);
        var clusterId = "reminders-" + Guid.NewGuid().ToString("N")[..8];
        var key = "alarm-" + Guid.NewGuid().ToString("N")[..8];
        ReminderTicks.Reset(key, "tick");

        await using (var first = await TestSilo.StartAsync(cs, clusterId))
        {
            var alarm = first.Grains.GetGrain<IAlarmGrain>(key);
            await alarm.Register("tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            Assert.Equal(["tick"], await alarm.ListReminders());
            await Wait.UntilAsync(() => Task.FromResult(ReminderTicks.Get(key, "tick") >= 1), TickTimeout, "the first tick");
        }

        var row = Assert.Single(await Db.RowsAsync(cs, "SELECT grainid, remindername, period FROM orleansreminderstable"));
        Assert.Contains(key, (string)row[0]!, StringComparison.Ordinal);
        Assert.Equal("tick", row[1]);
        Assert.Equal(1000L, row[2]);

        ReminderTicks.Reset(key, "tick");
        await using var second = await TestSilo.StartAsync(cs, clusterId);
        var again = second.Grains.GetGrain<IAlarmGrain>(key);
        Assert.Equal(["tick"], await again.ListReminders());
        await Wait.UntilAsync(() => Task.FromResult(ReminderTicks.Get(key, "tick") >= 1), TickTimeout, "a tick after the restart");

        await again.UnregisterAll();
        Assert.Empty(await again.ListReminders());
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM orleansreminderstable"));
    }

    [Fact]
    public async Task The_reminder_table_honours_etags_and_ring_ranges()
    {
        var cs = await server.CreateDatabaseAsync("reminders_table");
        await PostgresSchema.EnsureCreatedAsync(cs);
        await using var silo = await TestSilo.StartAsync(cs, "remtable-" + Guid.NewGuid().ToString("N")[..8]);
        var table = silo.Host.Services.GetRequiredService<IReminderTable>();

        var type = GrainType.Create("livepeer-test-alarm");
        var g1 = GrainId.Create(type, "one");
        var g2 = GrainId.Create(type, "two");
        var start = new DateTime(2026, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc);
        var longPeriod = TimeSpan.FromDays(40); // more milliseconds than an int holds

        var etag1 = await table.UpsertRow(new ReminderEntry { GrainId = g1, ReminderName = "a", StartAt = start, Period = TimeSpan.FromMinutes(1) });
        Assert.Equal("0", etag1);
        var etag1b = await table.UpsertRow(new ReminderEntry { GrainId = g1, ReminderName = "a", StartAt = start, Period = longPeriod });
        Assert.Equal("1", etag1b);
        await table.UpsertRow(new ReminderEntry { GrainId = g1, ReminderName = "b", StartAt = start, Period = TimeSpan.FromMinutes(2) });
        await table.UpsertRow(new ReminderEntry { GrainId = g2, ReminderName = "a", StartAt = start, Period = TimeSpan.FromMinutes(3) });

        var one = await table.ReadRow(g1, "a");
        Assert.NotNull(one);
        Assert.Equal(g1, one.GrainId);
        Assert.Equal(start, one.StartAt);
        Assert.Equal(longPeriod, one.Period);
        Assert.Equal("1", one.ETag);
        Assert.Null(await table.ReadRow(g1, "missing"));

        var forG1 = await table.ReadRows(g1);
        Assert.Equal(["a", "b"], forG1.Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));

        // Ring ranges are (begin, end]; a range whose begin is not below its end wraps around.
        var h1 = g1.GetUniformHashCode();
        var h2 = g2.GetUniformHashCode();
        Assert.NotEqual(h1, h2);
        var justG1 = await table.ReadRows(unchecked(h1 - 1), h1);
        Assert.All(justG1.Reminders, r => Assert.Equal(g1, r.GrainId));
        Assert.Equal(2, justG1.Reminders.Count);
        var allButG1 = await table.ReadRows(h1, unchecked(h1 - 1));
        Assert.Equal([g2], allButG1.Reminders.Select(r => r.GrainId));
        var everything = await table.ReadRows(h2, h2); // begin == end: the whole ring
        Assert.Equal(3, everything.Reminders.Count);

        // Removal needs the current etag.
        Assert.False(await table.RemoveRow(g1, "a", etag1!));
        Assert.True(await table.RemoveRow(g1, "a", etag1b!));
        Assert.False(await table.RemoveRow(g1, "a", etag1b!));
        Assert.Null(await table.ReadRow(g1, "a"));
    }
}
