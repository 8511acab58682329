using Livepeer.Contracts;
using Livepeer.Grains.Payments;
using Livepeer.Payments;

namespace Livepeer.Grains.Tests;

public sealed class CapabilityPriceTests
{
    [Theory]
    [InlineData("4768371", 1, 4768371, 1)]
    [InlineData("0.5", 1, 1, 2)]
    [InlineData("1000", 4, 250, 1)]
    [InlineData("0.003", 3, 1, 1000)]
    public void TryWei_DecimalPrices_ReducedWholeFractions(string price, long pixels, long perUnit, long perPixels)
    {
        Assert.True(CapabilityPrice.TryWei(Capability(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), pixels, "wei"), out var info, out _));
        Assert.Equal(new PriceInfo(perUnit, perPixels), info);
    }

    [Fact]
    public void TryWei_FiatCurrency_RefusedWithTheReason()
    {
        Assert.False(CapabilityPrice.TryWei(Capability(0.5m, 1, "USD"), out _, out var problem));
        Assert.Contains("priced in USD", problem, StringComparison.Ordinal);
    }

    private static ModelCapability Capability(decimal price, long pixels, string currency) =>
        new("upscale", "m", false, 1, price, pixels, currency, "default");
}
