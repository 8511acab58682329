using Livepeer.Grains.Placement;
using Microsoft.Extensions.Time.Testing;

namespace Livepeer.Grains.Tests;

public sealed class ModelPopularityTests
{
    [Fact]
    public void Score_HalvesEveryHalfLife()
    {
        var time = new FakeTimeProvider();
        var popularity = new ModelPopularity(time, TimeSpan.FromMinutes(10));
        for (var i = 0; i < 8; i++) popularity.Observe("a");

        Assert.Equal(8, popularity.Score("a"), 6);
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(4, popularity.Score("a"), 6);
        time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(1, popularity.Score("a"), 6);
    }

    [Fact]
    public void Score_NeverSeen_IsZero()
    {
        var popularity = new ModelPopularity(new FakeTimeProvider(), TimeSpan.FromMinutes(1));

        Assert.Equal(0, popularity.Score("unknown"));
    }
}
