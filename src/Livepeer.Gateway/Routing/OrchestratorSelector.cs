using Livepeer.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Livepeer.Gateway.Routing;

/// <summary>
/// Chooses the orchestrator for one attempt of a request, from the background-refreshed route table only:
/// offers within the max price, not suspended, not yet tried, with a free unit of capacity; warm ones first and cold
/// ones when every warm one is full (go-livepeer leaves the cold pool unused while any warm orchestrator exists); then
/// two random candidates, keeping the one with the lower expected cost — latency per unit × load × relative price —
/// so load spreads instead of herding onto the single "best" orchestrator.
/// </summary>
internal sealed class OrchestratorSelector(RouteTableHolder routes, OrchestratorBook book, IOptions<AiGatewayOptions> options)
{
    public Selection Select(string pipeline, string modelId, IReadOnlySet<string> tried, Random random)
    {
        var offers = routes.Current.OffersFor(pipeline, modelId);
        if (offers.IsEmpty) return new Selection(null, NoOrchestratorReason.NotOffered);

        var maxPrice = options.Value.MaxPrice(pipeline, modelId);
        var affordable = offers.Where(o => maxPrice is null || (IsWei(o) && o.PricePerUnit <= maxPrice)).ToList();
        if (affordable.Count == 0) return new Selection(null, NoOrchestratorReason.AboveMaxPrice);

        var usable = affordable.Where(o => !book.IsSuspended(o.Address)).ToList();
        if (usable.Count == 0) return new Selection(null, NoOrchestratorReason.Suspended);

        var open = usable.Where(o => !tried.Contains(o.Address) && HasCapacity(o)).ToList();
        var warm = open.Where(o => o.Warm).ToList();
        var pool = warm.Count > 0 ? warm : open;
        if (pool.Count == 0) return new Selection(null, NoOrchestratorReason.Busy);
        if (pool.Count == 1) return new Selection(pool[0], default);

        var first = pool[random.Next(pool.Count)];
        var second = pool[(pool.IndexOf(first) + 1 + random.Next(pool.Count - 1)) % pool.Count];
        var highestPrice = pool.Max(o => o.PricePerUnit);
        var typicalLatency = TypicalLatency(pool, pipeline, modelId);
        var a = Cost(first, pipeline, modelId, highestPrice, typicalLatency);
        var b = Cost(second, pipeline, modelId, highestPrice, typicalLatency);
        return new Selection(a < b || (a == b && random.Next(2) == 0) ? first : second, default);
    }

    /// <summary>Whether this gateway may send one more job there: advertised capacity minus every gateway's load, and our own cap.</summary>
    public bool HasCapacity(OrchestratorOffer offer)
    {
        var own = book.InFlight(offer.Address);
        var cap = options.Value.MaxInFlightPerOrchestrator;
        return own + offer.OthersInUse < offer.Capability.Capacity && (cap == 0 || own < cap);
    }

    // Only wei prices can be compared with a max price in wei; a fiat-priced offer needs a price feed this gateway lacks.
    private static bool IsWei(OrchestratorOffer offer) =>
        offer.Capability.Currency.Length == 0 || offer.Capability.Currency.Equals("wei", StringComparison.OrdinalIgnoreCase);

    private double Cost(OrchestratorOffer offer, string pipeline, string modelId, decimal highestPrice, double typicalLatency)
    {
        var latency = book.LatencyPerUnit(offer.Address, pipeline, modelId) ?? typicalLatency;
        var load = 1 + book.InFlight(offer.Address) + offer.OthersInUse;
        var price = highestPrice > 0 ? (double)(offer.PricePerUnit / highestPrice) : 0;
        return latency * load * (1 + price);
    }

    /// <summary>What an orchestrator without history is assumed to take: the mean of the others, so it gets tried but not flooded.</summary>
    private double TypicalLatency(List<OrchestratorOffer> pool, string pipeline, string modelId)
    {
        double sum = 0;
        var count = 0;
        foreach (var offer in pool)
        {
            if (book.LatencyPerUnit(offer.Address, pipeline, modelId) is not { } latency) continue;
            sum += latency;
            count++;
        }

        return count == 0 ? 1 : sum / count;
    }
}
