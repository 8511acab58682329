using Livepeer.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Livepeer.Storage.Tests;

/// <summary>Grain state through real silos on PostgreSQL, and the storage provider's etag rules.</summary>
[Collection(PostgresServer.CollectionName)]
public sealed class PersistenceTests(PostgresServer server)
{
    private const string StateName = "livepeer-test-state";
    private static readonly GrainType CounterType = GrainType.Create("livepeer-test-counter");

    private async Task<string> NewDatabaseAsync(string prefix)
    {
        var cs = await server.CreateDatabaseAsync(prefix);
        await PostgresSchema.EnsureCreatedAsync(cs);
        return cs;
    }

    [Fact]
    public async Task State_written_by_one_silo_is_read_back_by_a_new_silo_on_the_same_database()
    {
        var cs = await NewDatabaseAsync("persist_restart");
        var clusterId = "persist-" + Guid.NewGuid().ToString("N")[..8];

        await using (var first = await TestSilo.StartAsync(cs, clusterId))
        {
            var counter = first.Grains.GetGrain<ICounterGrain>("alice");
            Assert.False(await counter.RecordExists());
            for (var i = 0; i < 3; i++)
            {
                await counter.Increment();
            }
        }

        var row = Assert.Single(await Db.RowsAsync(cs,
            "SELECT graintypestring, grainidextensionstring, version, payloadbinary IS NOT NULL, serviceid FROM orleansstorage"));
        Assert.Equal("tally", row[0]); // graintypestring holds the [PersistentState] name, not the grain type
        Assert.Equal("alice", row[1]);
        Assert.Equal(3, row[2]);
        Assert.Equal(true, row[3]);
        Assert.Equal(TestSilo.ServiceId, row[4]);

        await using var second = await TestSilo.StartAsync(cs, clusterId);
        var again = second.Grains.GetGrain<ICounterGrain>("alice");
        Assert.Equal(3, await again.Get());
        Assert.True(await again.RecordExists());
        Assert.Equal(4, await again.Increment());
        Assert.Equal(4, await Db.ScalarAsync<int>(cs, "SELECT version FROM orleansstorage"));
    }

    [Fact]
    public async Task ClearState_through_a_grain_empties_the_state_but_keeps_the_version_moving()
    {
        var cs = await NewDatabaseAsync("persist_clear");
        await using var silo = await TestSilo.StartAsync(cs, "clear-" + Guid.NewGuid().ToString("N")[..8]);
        var counter = silo.Grains.GetGrain<ICounterGrain>("bob");
        await counter.Increment();
        await counter.Increment();

        await counter.Clear();

        Assert.Equal(0, await counter.Get());
        Assert.False(await counter.RecordExists());
        var row = Assert.Single(await Db.RowsAsync(cs, "SELECT payloadbinary, version FROM orleansstorage"));
        Assert.Null(row[0]);
        Assert.Equal(3, row[1]);

        Assert.Equal(1, await counter.Increment());
        Assert.Equal(4, await Db.ScalarAsync<int>(cs, "SELECT version FROM orleansstorage"));
    }

    [Fact]
    public async Task Stale_etags_surface_as_InconsistentStateException()
    {
        var cs = await NewDatabaseAsync("persist_etag");
        await using var silo = await TestSilo.StartAsync(cs, "etag-" + Guid.NewGuid().ToString("N")[..8]);
        var storage = silo.Host.Services.GetRequiredKeyedService<IGrainStorage>(TestSilo.StorageName);
        var id = GrainId.Create(CounterType, "carol");

        // Activation A creates the state.
        var a = new GrainState<CounterState>(new CounterState { Count = 1 });
        await storage.WriteStateAsync(StateName, id, a);
        Assert.Equal("1", a.ETag);
        Assert.True(a.RecordExists);

        // Activation B (a duplicate) reads the same version.
        var b = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(StateName, id, b);
        Assert.Equal("1", b.ETag);
        Assert.Equal(1, b.State!.Count);

        // A writes first; B's write and clear are now stale.
        a.State!.Count = 2;
        await storage.WriteStateAsync(StateName, id, a);
        Assert.Equal("2", a.ETag);
        b.State!.Count = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, id, b));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, id, b));

        // A third activation that never read the state believes it is new: refused as well.
        var c = new GrainState<CounterState>(new CounterState { Count = 7 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, id, c));

        var check = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(StateName, id, check);
        Assert.Equal(2, check.State!.Count);
        Assert.Equal("2", check.ETag);

        // Clearing with the current etag works and moves the version; the etag then continues from there.
        await storage.ClearStateAsync(StateName, id, a);
        Assert.Equal("3", a.ETag);
        Assert.False(a.RecordExists);
        await storage.ReadStateAsync(StateName, id, check);
        Assert.False(check.RecordExists);
        Assert.Equal("3", check.ETag);
        Assert.Equal(0, check.State!.Count);
        a.State!.Count = 5;
        await storage.WriteStateAsync(StateName, id, a);
        Assert.Equal("4", a.ETag);
    }

    [Fact]
    public async Task Racing_first_writes_of_one_grain_let_exactly_one_win()
    {
        var cs = await NewDatabaseAsync("persist_race");
        await using var silo = await TestSilo.StartAsync(cs, "race-" + Guid.NewGuid().ToString("N")[..8]);
        var storage = silo.Host.Services.GetRequiredKeyedService<IGrainStorage>(TestSilo.StorageName);
        var id = GrainId.Create(CounterType, "dave");

        var attempts = Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await storage.WriteStateAsync(StateName, id, new GrainState<CounterState>(new CounterState { Count = i }));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r);
        Assert.Equal(1L, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM orleansstorage"));
        Assert.Equal(1, await Db.ScalarAsync<int>(cs, "SELECT version FROM orleansstorage"));
    }

    [Fact]
    public async Task DeleteStateOnClear_removes_the_row_and_a_later_write_starts_over()
    {
        var cs = await NewDatabaseAsync("persist_delete");
        await using var silo = await TestSilo.StartAsync(cs, "delete-" + Guid.NewGuid().ToString("N")[..8]);
        var storage = silo.Host.Services.GetRequiredKeyedService<IGrainStorage>(TestSilo.DeletingStorageName);
        var id = GrainId.Create(CounterType, "erin");
        var state = new GrainState<CounterState>(new CounterState { Count = 3 });
        await storage.WriteStateAsync(StateName, id, state);
        await storage.WriteStateAsync(StateName, id, state);

        var stale = new GrainState<CounterState>(new CounterState(), "1");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, id, stale));

        await storage.ClearStateAsync(StateName, id, state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM orleansstorage"));

        state.State!.Count = 9;
        await storage.WriteStateAsync(StateName, id, state);
        Assert.Equal("1", state.ETag);
    }

    [Fact]
    public async Task Grain_keys_of_every_shape_are_kept_apart()
    {
        var cs = await NewDatabaseAsync("persist_keys");
        await using var silo = await TestSilo.StartAsync(cs, "keys-" + Guid.NewGuid().ToString("N")[..8]);
        var storage = silo.Host.Services.GetRequiredKeyedService<IGrainStorage>(TestSilo.StorageName);
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        // The provider keys a row by the state name it is handed plus the grain *key* (the grain
        // type inside the GrainId is not part of it), so each case pairs a state name with an id.
        (string State, GrainId Id)[] cases =
        [
            (StateName, GrainId.Create(CounterType, GrainIdKeyExtensions.CreateIntegerKey(42))),
            (StateName, GrainId.Create(CounterType, GrainIdKeyExtensions.CreateIntegerKey(42, "x"))),
            (StateName, GrainId.Create(CounterType, GrainIdKeyExtensions.CreateIntegerKey(-42))),
            (StateName, GrainId.Create(CounterType, GrainIdKeyExtensions.CreateGuidKey(guid))),
            (StateName, GrainId.Create(CounterType, GrainIdKeyExtensions.CreateGuidKey(guid, "x"))),
            (StateName, GrainId.Create(CounterType, "forty-two")),
            (StateName, GrainId.Create(CounterType, "ünïcödé key with spaces")),
            ("other-state", GrainId.Create(CounterType, GrainIdKeyExtensions.CreateIntegerKey(42))),
        ];

        for (var i = 0; i < cases.Length; i++)
        {
            await storage.WriteStateAsync(cases[i].State, cases[i].Id, new GrainState<CounterState>(new CounterState { Count = i, Note = cases[i].Id.ToString() }));
        }

        Assert.Equal((long)cases.Length, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM orleansstorage"));
        for (var i = 0; i < cases.Length; i++)
        {
            var read = new GrainState<CounterState>(new CounterState());
            await storage.ReadStateAsync(cases[i].State, cases[i].Id, read);
            Assert.Equal(i, read.State!.Count);
            Assert.Equal(cases[i].Id.ToString(), read.State!.Note);
            Assert.Equal("1", read.ETag);
        }
    }
}
