using Livepeer.Grains.Devices;
using static Livepeer.Grains.Tests.ResidentModels;

namespace Livepeer.Grains.Tests;

public sealed class EvictionPlanTests
{
    [Fact]
    public void For_EnoughFreeMemory_EvictsNothing()
    {
        var plan = EvictionPlan.For([Warm("a")], freeBytes: 200 * MiB, neededBytes: 100 * MiB);

        Assert.NotNull(plan);
        Assert.Empty(plan);
    }

    [Fact]
    public void For_MemoryShort_EvictsLeastRecentlyUsedFirst()
    {
        var models = new[] { Warm("recent", minutesAgo: 1), Warm("oldest", minutesAgo: 30), Warm("middle", minutesAgo: 10) };

        var plan = EvictionPlan.For(models, freeBytes: 0, neededBytes: 150 * MiB);

        Assert.Equal(["oldest", "middle"], plan!.Select(m => m.ModelId));
    }

    [Fact]
    public void For_OldestHasJobRunning_NeverEvictsIt()
    {
        var models = new[] { Warm("busy", minutesAgo: 60, activeJobs: 1), Warm("idle", minutesAgo: 1) };

        var plan = EvictionPlan.For(models, freeBytes: 0, neededBytes: 100 * MiB);

        Assert.Equal(["idle"], plan!.Select(m => m.ModelId));
    }

    [Fact]
    public void For_OnlyBusyPinnedOrLoadingModels_ReturnsNull()
    {
        var models = new[] { Warm("busy", activeJobs: 2), Warm("pinned", pinned: true), Loading("loading") };

        Assert.Null(EvictionPlan.For(models, freeBytes: 0, neededBytes: 10 * MiB));
    }
}
