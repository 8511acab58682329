using Livepeer.Contracts;
using Livepeer.Grains.Devices;
using Microsoft.Extensions.Time.Testing;
using static Livepeer.Grains.Tests.ResidentModels;

namespace Livepeer.Grains.Tests;

public sealed class DeviceModelTableTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void BeginLoad_ReservesMemory_RemoveReleasesIt()
    {
        var table = new DeviceModelTable(300 * MiB, time);

        table.BeginLoad("a", 100 * MiB, pinned: false);
        Assert.Equal(200 * MiB, table.FreeBytes);
        Assert.Equal(ModelState.Loading, Model(table, "a").State);

        table.Remove("a");
        Assert.Equal(300 * MiB, table.FreeBytes);
    }

    [Fact]
    public void PlanEvictions_ThirdModelOnTwoModelDevice_PicksLeastRecentlyUsedIdle()
    {
        var table = new DeviceModelTable(200 * MiB, time);
        Warm(table, "first");
        time.Advance(TimeSpan.FromSeconds(1));
        Warm(table, "second");
        time.Advance(TimeSpan.FromSeconds(1));

        // Using "first" makes "second" the least recently used.
        table.JobStarted("first");
        table.JobEnded("first");

        Assert.Equal(["second"], table.PlanEvictions(100 * MiB)!.Select(m => m.ModelId));
    }

    [Fact]
    public void PlanEvictions_LeastRecentlyUsedHasJob_EvictsTheOtherOne()
    {
        var table = new DeviceModelTable(200 * MiB, time);
        Warm(table, "old");
        time.Advance(TimeSpan.FromSeconds(1));
        Warm(table, "new");
        table.JobStarted("old");

        Assert.Equal(["new"], table.PlanEvictions(100 * MiB)!.Select(m => m.ModelId));
    }

    [Fact]
    public void PlanEvictions_LargerThanBudget_ReturnsNull()
    {
        var table = new DeviceModelTable(200 * MiB, time);

        Assert.Null(table.PlanEvictions(201 * MiB));
    }

    [Fact]
    public void JobEnded_UpdatesLastUsed()
    {
        var table = new DeviceModelTable(200 * MiB, time);
        Warm(table, "a");
        var before = Model(table, "a").LastUsed;
        time.Advance(TimeSpan.FromMinutes(5));

        table.JobStarted("a");
        Assert.Equal(1, Model(table, "a").ActiveJobs);
        table.JobEnded("a");

        Assert.Equal(0, Model(table, "a").ActiveJobs);
        Assert.Equal(before + TimeSpan.FromMinutes(5), Model(table, "a").LastUsed);
    }

    private static void Warm(DeviceModelTable table, string id)
    {
        table.BeginLoad(id, 100 * MiB, pinned: false);
        table.CompleteLoad(id);
    }

    private static ResidentModel Model(DeviceModelTable table, string id) =>
        table.TryGet(id, out var model) ? model : throw new KeyNotFoundException(id);
}
