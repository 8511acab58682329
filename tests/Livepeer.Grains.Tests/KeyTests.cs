using Livepeer.Contracts;

namespace Livepeer.Grains.Tests;

public sealed class KeyTests
{
    [Fact]
    public void JobKey_RoundTrips_ModelIdWithSlashes()
    {
        var key = new JobKey("0xabc", "job-1", "stabilityai/sd-turbo");

        Assert.True(JobKey.TryParse(key.ToString(), out var parsed));
        Assert.Equal(key, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0xabc")]
    [InlineData("0xabc/job")]
    [InlineData("0xabc//model")]
    [InlineData("/job/model")]
    [InlineData("0xabc/job/")]
    public void JobKey_Malformed_DoesNotParse(string text) => Assert.False(JobKey.TryParse(text, out _));

    [Fact]
    public void DeviceKey_RoundTrips()
    {
        Assert.True(DeviceKey.TryParse(new DeviceKey("worker-a", 3).ToString(), out var parsed));
        Assert.Equal(new DeviceKey("worker-a", 3), parsed);
    }

    [Theory]
    [InlineData("worker")]
    [InlineData("worker/x")]
    [InlineData("/1")]
    [InlineData("worker/-1")]
    public void DeviceKey_Malformed_DoesNotParse(string text) => Assert.False(DeviceKey.TryParse(text, out _));
}
