using Livepeer.Contracts;

namespace Livepeer.Gateway.Routing;

/// <summary>One orchestrator's offer of one (pipeline, model), as the last background refresh saw it.</summary>
/// <param name="Address">The orchestrator.</param>
/// <param name="Capability">Its advertised capability (price, capacity, warm flag).</param>
/// <param name="Warm">Advertised warm, or warm on one of its workers right now.</param>
/// <param name="ReportedInUse">Capacity in use when the orchestrator was asked.</param>
/// <param name="OwnInFlightAtRefresh">This gateway's own jobs there at that moment (part of <paramref name="ReportedInUse"/>).</param>
internal sealed record OrchestratorOffer(string Address, ModelCapability Capability, bool Warm, int ReportedInUse, int OwnInFlightAtRefresh)
{
    /// <summary>Price in wei of one unit (pixel, millisecond, token).</summary>
    public decimal PricePerUnit => Capability.PricePerUnit / Math.Max(1, Capability.PixelsPerUnit);

    /// <summary>Jobs other gateways had running there at the refresh.</summary>
    public int OthersInUse => Math.Max(0, ReportedInUse - OwnInFlightAtRefresh);
}
