using System.Diagnostics.CodeAnalysis;
using Livepeer.Contracts;
using Livepeer.Payments;

namespace Livepeer.Grains.Payments;

/// <summary>An offered capability's price as tickets carry it: whole wei per whole units (<c>net.PriceInfo</c>, int64s).</summary>
internal static class CapabilityPrice
{
    /// <summary>The capability's price in wei, or why it cannot be paid with tickets.</summary>
    public static bool TryWei(ModelCapability capability, [NotNullWhen(true)] out PriceInfo? price, [NotNullWhen(false)] out string? problem)
    {
        price = null;
        if (capability.Currency.Length > 0 && !capability.Currency.Equals("wei", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"{capability.Pipeline} with model '{capability.ModelId}' is priced in {capability.Currency}, and this orchestrator has no price feed to convert it to wei.";
            return false;
        }

        // A decimal price such as 0.5 wei per pixel becomes 5 wei per 10 pixels, reduced, as go-livepeer's PriceToInt64 does.
        var scale = capability.PricePerUnit.Scale;
        var power = (decimal)Math.Pow(10, scale);
        var numerator = capability.PricePerUnit * power;
        var denominator = (decimal)Math.Max(1, capability.PixelsPerUnit) * power;
        if (numerator > long.MaxValue || denominator > long.MaxValue)
        {
            problem = $"The price of {capability.Pipeline} with model '{capability.ModelId}' ({capability.PricePerUnit}/{capability.PixelsPerUnit}) does not fit 64-bit wei per unit.";
            return false;
        }

        var reduced = Wei.Fraction((long)numerator, (long)denominator);
        price = new PriceInfo((long)reduced.Numerator, (long)reduced.Denominator);
        problem = null;
        return true;
    }
}
