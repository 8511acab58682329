using Livepeer.Grains.Devices;
using Livepeer.Grains.Placement;
using Livepeer.Grains.Residency;
using Microsoft.Extensions.Time.Testing;
using static Livepeer.Grains.Tests.ResidentModels;

namespace Livepeer.Grains.Tests;

public sealed class PlacementPolicyTests
{
    private static readonly string[] Installed = ["a", "b", "c", "d", "e"];
    private readonly ModelPopularity popularity = new(new FakeTimeProvider(), TimeSpan.FromMinutes(10));

    private static int NoneInFlight(SiloAddress silo, string modelId) => 0;

    [Fact]
    public void ChooseSilo_WarmWithFreeSlotOnOneSilo_ChoosesIt()
    {
        var cold = Silo(1, "w1", Installed, Device("w1/0", 1000, 4, 0));
        var warm = Silo(2, "w2", Installed, Device("w2/0", 1000, 4, 3, Warm("a")));

        for (var i = 0; i < 50; i++)
            Assert.Same(warm, PlacementPolicy.ChooseSilo("a", [cold, warm], popularity, new Random(i), NoneInFlight));
    }

    [Fact]
    public void ChooseSilo_WarmOnTwoSilos_PrefersMoreFreeSlots()
    {
        var busy = Silo(1, "w1", Installed, Device("w1/0", 1000, 4, 3, Warm("a")));
        var idle = Silo(2, "w2", Installed, Device("w2/0", 1000, 4, 0, Warm("a")));

        Assert.Same(idle, PlacementPolicy.ChooseSilo("a", [busy, idle], popularity, new Random(1), NoneInFlight));
    }

    [Fact]
    public void ChooseSilo_ManyEqualWarmSilos_SpreadsWithoutHerding()
    {
        var silos = Enumerable.Range(1, 8).Select(i => Silo(i, $"w{i}", Installed, Device($"w{i}/0", 1000, 4, 0, Warm("a")))).ToList();
        var counts = new Dictionary<SiloResidency, int>();
        var random = new Random(42);

        for (var i = 0; i < 8000; i++)
        {
            var chosen = PlacementPolicy.ChooseSilo("a", silos, popularity, random, NoneInFlight);
            counts[chosen] = counts.GetValueOrDefault(chosen) + 1;
        }

        Assert.Equal(8, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 800, 1200));
    }

    [Fact]
    public void ChooseSilo_OwnJobsInFlightCountAgainstStaleSnapshot()
    {
        var first = Silo(1, "w1", Installed, Device("w1/0", 1000, 2, 0, Warm("a")));
        var second = Silo(2, "w2", Installed, Device("w2/0", 1000, 2, 0, Warm("a")));
        int InFlight(SiloAddress silo, string modelId) => silo.Equals(first.Silo) && modelId == "a" ? 2 : 0;

        // first's snapshot says idle, but this silo already has two jobs running there: only second has a free slot.
        for (var i = 0; i < 20; i++)
            Assert.Same(second, PlacementPolicy.ChooseSilo("a", [first, second], popularity, new Random(i), InFlight));
    }

    [Fact]
    public void ChooseSilo_LoadingSomewhere_JoinsThatLoad()
    {
        var roomy = Silo(1, "w1", Installed, Device("w1/0", 4000, 4, 0));
        var loading = Silo(2, "w2", Installed, Device("w2/0", 1000, 4, 0, Loading("a")));

        Assert.Same(loading, PlacementPolicy.ChooseSilo("a", [roomy, loading], popularity, new Random(1), NoneInFlight));
    }

    [Fact]
    public void ChooseSilo_ColdEverywhere_ChoosesMostFreeMemory()
    {
        var small = Silo(1, "w1", Installed, Device("w1/0", 500, 4, 0, Warm("b")));
        var large = Silo(2, "w2", Installed, Device("w2/0", 2000, 4, 0, Warm("c")));

        Assert.Same(large, PlacementPolicy.ChooseSilo("a", [small, large], popularity, new Random(1), NoneInFlight));
    }

    [Fact]
    public void ChooseSilo_AllFull_EvictsTheLeastPopularModel()
    {
        var holdsPopular = Silo(1, "w1", Installed, Device("w1/0", 100, 4, 0, Warm("b", minutesAgo: 60)));
        var holdsRare = Silo(2, "w2", Installed, Device("w2/0", 100, 4, 0, Warm("c", minutesAgo: 1)));
        for (var i = 0; i < 10; i++) popularity.Observe("b");
        popularity.Observe("c");

        // Plain LRU would evict "b" (older); popularity keeps it.
        Assert.Same(holdsRare, PlacementPolicy.ChooseSilo("a", [holdsPopular, holdsRare], popularity, new Random(1), NoneInFlight));
    }

    [Fact]
    public void ChooseSilo_WarmButBusyWithShortQueue_QueuesOnWarmSilo()
    {
        var busy = Silo(1, "w1", Installed, Device("w1/0", 1000, 2, 2, Warm("a", activeJobs: 3)));
        var roomy = Silo(2, "w2", Installed, Device("w2/0", 1000, 2, 0));

        Assert.Same(busy, PlacementPolicy.ChooseSilo("a", [busy, roomy], popularity, new Random(1), NoneInFlight));
    }

    [Fact]
    public void ChooseSilo_WarmWithDeepQueue_LoadsSecondCopyOnlyWithoutEviction()
    {
        var deepQueue = PlacementPolicy.ScaleOutQueueDepth + 1;
        var saturated = Silo(1, "w1", Installed, Device("w1/0", 1000, 1, 1, Warm("a", activeJobs: 1 + deepQueue)));
        var roomy = Silo(2, "w2", Installed, Device("w2/0", 1000, 1, 0));
        var full = Silo(3, "w3", Installed, Device("w3/0", 100, 1, 0, Warm("b")));

        Assert.Same(roomy, PlacementPolicy.ChooseSilo("a", [saturated, roomy], popularity, new Random(1), NoneInFlight));
        Assert.Same(saturated, PlacementPolicy.ChooseSilo("a", [saturated, full], popularity, new Random(1), NoneInFlight));
    }

    [Fact]
    public void LoadTargets_SeveralVictimsNeeded_PricesThemInEvictionPlanOrder()
    {
        // Both devices are full; a 100 MiB model needs one victim each. On w1 the plan skips "pinned" (older, but pinned) and takes "old".
        var device = Device("w1/0", 400, 4, 0,
            Warm("old", 100, minutesAgo: 30), Warm("pinned", 100, minutesAgo: 40, pinned: true), Warm("mid", 100, minutesAgo: 20), Warm("new", 100, minutesAgo: 1));
        var other = Device("w2/0", 400, 4, 0,
            Warm("p", 100, minutesAgo: 30), Warm("q", 100, minutesAgo: 20), Warm("r", 100, minutesAgo: 10), Warm("s", 100, minutesAgo: 5));
        var silo1 = Silo(1, "w1", ["a", "old", "pinned", "mid", "new"], device);
        var silo2 = Silo(2, "w2", ["a", "p", "q", "r", "s"], other);
        popularity.Observe("p");
        popularity.Observe("q");
        popularity.Observe("new");

        // w1 would evict "old" (never asked for: score 0); w2 would evict "p" (score 1).
        var choice = LoadTargets.Choose("a", [silo1, silo2], popularity);

        Assert.Equal("w1/0", choice!.Value.Device.DeviceKey);
        Assert.Equal(["old"], EvictionPlan.For(device.Models, device.FreeMemoryBytes, 100 * MiB)!.Select(m => m.ModelId));
    }

    [Fact]
    public void ChooseLoadTarget_NothingEvictable_ReturnsNull()
    {
        var busy = Silo(1, "w1", Installed, Device("w1/0", 100, 1, 1, Warm("b", activeJobs: 1)));

        Assert.Null(LoadTargets.Choose("a", [busy], popularity));
    }
}
